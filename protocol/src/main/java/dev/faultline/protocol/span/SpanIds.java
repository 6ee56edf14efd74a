package dev.faultline.protocol.span;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads trace and span ids: lower-case hex of 32 (trace) or 16 (span) digits; dashes and
 * upper case as some SDKs send them are accepted.
 */
final class SpanIds {

	private SpanIds() {
	}

	static @Nullable String trace(@Nullable JsonNode value) {
		return hex(value, 32);
	}

	static @Nullable String span(@Nullable JsonNode value) {
		return hex(value, 16);
	}

	private static @Nullable String hex(@Nullable JsonNode value, int length) {
		if (value == null || !value.isString()) {
			return null;
		}
		String id = value.stringValue().replace("-", "").toLowerCase(Locale.ROOT);
		if (id.length() != length) {
			return null;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return null;
			}
		}
		return id;
	}

}
