package dev.faultline.sdk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incoming trace, read from the {@code sentry-trace} and {@code baggage} headers of a
 * request, to continue in a new {@link Transaction}.
 *
 * @param traceId the 32-hex trace id
 * @param parentSpanId the caller's span id
 * @param sampled the caller's sampling decision, nullable when it deferred it
 * @param sentryBaggage the {@code sentry-*} baggage entries without the prefix (the
 * frozen dynamic sampling context), possibly empty
 */
public record TraceParent(String traceId, String parentSpanId, Boolean sampled, Map<String, String> sentryBaggage) {

	private static final Pattern SENTRY_TRACE = Pattern.compile("^\\s*([0-9a-f]{32})-([0-9a-f]{16})(?:-([01]))?\\s*$");

	public TraceParent {
		sentryBaggage = Collections.unmodifiableMap(new LinkedHashMap<>(sentryBaggage));
	}

	/**
	 * Reads the headers of an incoming request.
	 * @param sentryTrace the {@code sentry-trace} value, nullable
	 * @param baggage the {@code baggage} value, nullable
	 * @return the trace to continue, or null when {@code sentry-trace} is missing or
	 * malformed
	 */
	public static TraceParent fromHeaders(String sentryTrace, String baggage) {
		if (sentryTrace == null) {
			return null;
		}
		Matcher matcher = SENTRY_TRACE.matcher(sentryTrace);
		if (!matcher.matches()) {
			return null;
		}
		Boolean sampled = (matcher.group(3) != null) ? "1".equals(matcher.group(3)) : null;
		return new TraceParent(matcher.group(1), matcher.group(2), sampled, parseBaggage(baggage));
	}

	private static Map<String, String> parseBaggage(String baggage) {
		Map<String, String> entries = new LinkedHashMap<>();
		if (baggage == null) {
			return entries;
		}
		for (String member : baggage.split(",")) {
			int equals = member.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String key = member.substring(0, equals).trim();
			if (key.startsWith("sentry-")) {
				String value = member.substring(equals + 1).trim();
				int properties = value.indexOf(';');
				entries.put(key.substring("sentry-".length()), URLDecoder
					.decode((properties < 0) ? value : value.substring(0, properties), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

}
