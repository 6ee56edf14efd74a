package dev.faultline.core.grouping;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPatterns;

/**
 * Which group an event belongs to and why.
 *
 * @param hash 32 lower-case hex characters: the MD5 of the components
 * @param variant what produced the components: {@code custom-fingerprint}, {@code app}
 * (in-app frames), {@code system} (all frames), {@code exception} (type and value),
 * {@code message}, or {@code fallback} (nothing to group by)
 * @param components the values that were hashed, in order, readable enough to show a user
 * why two events grouped together
 */
public record GroupingResult(String hash, String variant, List<String> components) {

	private static final Pattern HASH = ClientPatterns.HEX_ID.jdk();

	public GroupingResult {
		Objects.requireNonNull(hash, "hash");
		if (!HASH.matcher(hash).matches()) {
			throw new IllegalArgumentException("hash must be 32 lower-case hex characters: " + hash);
		}
		Objects.requireNonNull(variant, "variant");
		components = List.copyOf(components);
	}

}
