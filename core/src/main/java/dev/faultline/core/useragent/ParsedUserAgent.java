package dev.faultline.core.useragent;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a user agent says about the client: browser, OS and device, each {@code null} when
 * no rule recognized it (uap-core's {@code Other}).
 *
 * @param browser the browser or client library
 * @param os the operating system
 * @param device the device family ({@code iPhone}, {@code Mac}, {@code Samsung SM-G991B},
 * …)
 */
public record ParsedUserAgent(@Nullable Product browser, @Nullable Product os, @Nullable String device) {

	/** Nothing recognized. */
	public static final ParsedUserAgent UNKNOWN = new ParsedUserAgent(null, null, null);

	/**
	 * A named product with up to four version parts, {@code null} from the first one
	 * absent.
	 *
	 * @param family the product's name
	 * @param major the first version part
	 * @param minor the second
	 * @param patch the third
	 * @param patchMinor the fourth (OS only)
	 */
	public record Product(String family, @Nullable String major, @Nullable String minor, @Nullable String patch,
			@Nullable String patchMinor) {

		/**
		 * The version parts joined by dots up to the first one absent or empty, or
		 * {@code null} when there is none.
		 */
		public @Nullable String version() {
			List<String> parts = new ArrayList<>(4);
			for (String part : new String[] { this.major, this.minor, this.patch, this.patchMinor }) {
				if (part == null || part.isEmpty()) {
					break;
				}
				parts.add(part);
			}
			return parts.isEmpty() ? null : String.join(".", parts);
		}

	}

}
