package dev.faultline.ingest.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the ingest endpoints, as Relay does it: browsers post envelopes cross-origin,
 * and without these headers they store the data but hide the status and rate limits from
 * the SDK. Answers preflights itself and marks every reply, error replies included, as
 * readable from any origin. Ingest authenticates by DSN key, never by cookie, so a
 * wildcard origin is safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestCorsFilter extends OncePerRequestFilter {

	static final String EXPOSED_HEADERS = "x-sentry-error, x-sentry-rate-limits, retry-after";

	static final String ALLOWED_METHODS = "GET, POST, PUT, OPTIONS";

	static final String DEFAULT_ALLOWED_HEADERS = "x-sentry-auth, x-requested-with, x-forwarded-for, origin, referer, "
			+ "accept, content-type, authentication, authorization, content-encoding, transfer-encoding, "
			+ "sentry-trace, baggage";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !IngestPaths.matches(pathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
		if ("OPTIONS".equals(request.getMethod())) {
			String requested = request.getHeader("Access-Control-Request-Headers");
			response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
			response.setHeader("Access-Control-Allow-Headers",
					(requested == null || requested.isBlank()) ? DEFAULT_ALLOWED_HEADERS : requested);
			response.setHeader("Access-Control-Max-Age", "3600");
			response.setStatus(HttpServletResponse.SC_OK);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length())
				: uri;
	}

}
