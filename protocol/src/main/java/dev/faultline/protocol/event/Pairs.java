package dev.faultline.protocol.event;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Key-value pairs that SDKs send either as an object or as an array of
 * {@code [key, value]} pairs: tags, request headers. Order and duplicate keys are kept.
 *
 * @param pairs the pairs in wire order
 * @param objectForm true when sent as an object, false for the array-of-pairs form
 */
public record Pairs(List<Pair> pairs, boolean objectForm) {

	public Pairs {
		pairs = List.copyOf(pairs);
	}

	/**
	 * The first value of the key (exact match); null when there is none.
	 */
	public @Nullable String get(String key) {
		for (Pair pair : this.pairs) {
			if (pair.key().equals(key)) {
				return pair.value();
			}
		}
		return null;
	}

	/**
	 * The first value of the key, ignoring case (HTTP header names); null when none.
	 */
	public @Nullable String getIgnoreCase(String key) {
		for (Pair pair : this.pairs) {
			if (pair.key().equalsIgnoreCase(key)) {
				return pair.value();
			}
		}
		return null;
	}

	/**
	 * One pair; the value is null when the SDK sent {@code null}.
	 *
	 * @param key the key
	 * @param value the value, numbers and booleans read as their text
	 */
	public record Pair(String key, @Nullable String value) {

		public Pair {
			Objects.requireNonNull(key, "key");
		}

	}

}
