package dev.faultline.ingest.http;

import java.util.regex.Pattern;

/**
 * The URLs of the ingest endpoints:
 * {@code [/prefix]/api/{projectId}/(envelope|store|security|csp-report)[/]}, where the
 * optional prefix is the path of a DSN such as {@code https://k@host/sentry/42} (up to
 * two segments). The controller mappings list the same shapes.
 */
final class IngestPaths {

	private static final Pattern INGEST_PATH = Pattern
		.compile("^(/[^/]+){0,2}/api/[^/]+/(envelope|store|security|csp-report)/?$");

	private IngestPaths() {
	}

	/**
	 * Whether a request path (without context path) is one of the ingest endpoints.
	 */
	static boolean matches(String path) {
		return INGEST_PATH.matcher(path).matches();
	}

}
