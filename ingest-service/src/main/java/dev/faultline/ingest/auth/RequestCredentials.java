package dev.faultline.ingest.auth;

import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.auth.AuthParseException;
import dev.faultline.protocol.auth.SentryAuth;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads the credentials a request carries outside its body: the {@code X-Sentry-Auth}
 * header (Java, sentry-cli), an {@code Authorization: Sentry …} header (older SDKs), or
 * the {@code sentry_key} query parameter (Node, browsers). The query string is parsed
 * raw: {@code getParameter} would consume a form-encoded body.
 */
public final class RequestCredentials {

	private static final String SENTRY_SCHEME = "sentry ";

	private RequestCredentials() {
	}

	/**
	 * The request's credentials, or null when it carries none.
	 * @throws IngestRejection 401 when several are given and name different keys
	 * @throws AuthParseException when a header or query carries unreadable credentials
	 */
	public static @Nullable SentryAuth read(HttpServletRequest request) {
		@Nullable SentryAuth fromHeader = null;
		String header = request.getHeader("X-Sentry-Auth");
		if (header == null) {
			String authorization = request.getHeader("Authorization");
			if (authorization != null
					&& authorization.regionMatches(true, 0, SENTRY_SCHEME, 0, SENTRY_SCHEME.length())) {
				header = authorization;
			}
		}
		if (header != null) {
			fromHeader = SentryAuth.fromHeader(header);
		}
		String query = request.getQueryString();
		@Nullable SentryAuth fromQuery = SentryAuth.hasKeyInQuery(query) ? SentryAuth.fromQueryString(query) : null;
		if (fromHeader != null && fromQuery != null && !fromHeader.publicKey().equals(fromQuery.publicKey())) {
			throw IngestRejection.unauthorized("conflicting_auth", "header and query name different keys");
		}
		return (fromHeader != null) ? fromHeader : fromQuery;
	}

}
