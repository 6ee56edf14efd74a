package dev.faultline.core.scrub;

import java.util.Locale;
import java.util.Objects;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One advanced data scrubbing rule of Sentry's {@code relayPiiConfig}: what to look for
 * ({@link Type}) and how to redact it ({@link Method}).
 *
 * @param type what the rule finds
 * @param pattern the regular expression of a {@link Type#PATTERN} rule (RE2 syntax, run
 * on the linear-time RE2/J engine), else null
 * @param method how a finding is redacted
 * @param text the replacement of {@link Method#REPLACE} ({@value DataScrubber#FILTERED}
 * when none was given)
 */
public record PiiRule(Type type, @Nullable Pattern pattern, Method method, String text) {

	public PiiRule {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(text, "text");
		if ((type == Type.PATTERN) != (pattern != null)) {
			throw new PiiConfigException("a pattern is required by, and only by, type 'pattern'");
		}
	}

	/**
	 * What a rule finds, with Sentry's type names. Pattern types redact the matched part
	 * of a string (for {@code pemkey}, {@code urlauth} and {@code userpath} only the
	 * secret group); {@code password} and {@code anything} redact the whole value.
	 */
	public enum Type {

		/** A value whose key contains a password-like word (Relay's key list). */
		PASSWORD("Password fields"),
		/** 13–19 digits (spaces or dashes allowed) passing the Luhn check. */
		CREDITCARD("Credit card numbers"),
		/** IPv4 and IPv6 addresses. */
		IP("IP addresses"),
		/** Email addresses. */
		EMAIL("Email addresses"),
		/** IMEI numbers. */
		IMEI("IMEI numbers"),
		/** MAC addresses. */
		MAC("MAC addresses"),
		/** UUIDs, with or without dashes. */
		UUID("UUIDs"),
		/** The body of a PEM private key. */
		PEMKEY("PEM keys"),
		/** The {@code user:password} of a URL. */
		URLAUTH("Auth in URLs"),
		/** US social security numbers. */
		USSSN("US social security numbers"),
		/** The user name in {@code /home/<user>/} or {@code C:\Users\<user>\}. */
		USERPATH("Usernames in filepaths"),
		/** The whole value. */
		ANYTHING("Anything"),
		/** Matches of a user regular expression. */
		PATTERN("Regex matches");

		private final String label;

		Type(String label) {
			this.label = label;
		}

		/**
		 * Sentry's name in {@code relayPiiConfig}, e.g. {@code creditcard}.
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The label Sentry's UI shows, e.g. {@code Credit card numbers}.
		 */
		public String label() {
			return this.label;
		}

		static @Nullable Type of(String name) {
			String wanted = name.trim();
			for (Type type : values()) {
				if (type.id().equalsIgnoreCase(wanted) || type.label.equalsIgnoreCase(wanted)) {
					return type;
				}
			}
			return null;
		}

	}

	/**
	 * How a finding is redacted, with Sentry's method names.
	 */
	public enum Method {

		/** Removed: a whole value becomes null, a matched part disappears. */
		REMOVE,
		/** Every character replaced by {@code *}. */
		MASK,
		/** Replaced by the upper-case hex SHA-1 of the original. */
		HASH,
		/** Replaced by the rule's text. */
		REPLACE;

		/**
		 * Sentry's name, e.g. {@code mask}.
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static @Nullable Method of(String name) {
			for (Method method : values()) {
				if (method.id().equalsIgnoreCase(name.trim())) {
					return method;
				}
			}
			return null;
		}

	}

}
