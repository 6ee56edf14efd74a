package dev.faultline.ingest.http;

import java.util.Set;

/**
 * The URLs of the ingest endpoints:
 * {@code [/prefix]/api/{projectId}/(envelope|store|security|csp-report)[/]}, where the
 * optional prefix is the path of a DSN such as {@code https://k@host/sentry/42} (up to
 * two segments). The controller mappings list the same shapes. Read segment by segment in
 * one pass, no regular expression: the path is client input (see core's "Linear-time
 * patterns").
 */
final class IngestPaths {

	private static final Set<String> ENDPOINTS = Set.of("envelope", "store", "security", "csp-report");

	private static final int MAX_PREFIX_SEGMENTS = 2;

	private IngestPaths() {
	}

	/**
	 * Whether a request path (without context path) is one of the ingest endpoints.
	 */
	static boolean matches(String path) {
		if (!path.startsWith("/")) {
			return false;
		}
		String rest = path.substring(1);
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		String[] segments = rest.split("/", -1);
		int count = segments.length;
		if (count < 3 || count > 3 + MAX_PREFIX_SEGMENTS) {
			return false;
		}
		for (String segment : segments) {
			if (segment.isEmpty()) {
				return false;
			}
		}
		return "api".equals(segments[count - 3]) && ENDPOINTS.contains(segments[count - 1]);
	}

}
