package dev.faultline.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the actuator's endpoints other than health (metrics, Prometheus, info and what an
 * operator adds: they tell an attacker versions, traffic and internals) closed on the
 * application port, which faces SDKs and browsers, unless the request carries
 * {@code Authorization: Bearer <faultline.management.token>}. Health stays open for load
 * balancers and container checks; it shows no details to anonymous callers. Refusals are
 * {@code 401} with a JSON body. Thread-safe.
 */
final class ActuatorAccessFilter implements Filter {

	static final String BASE = "/actuator";

	private final byte @Nullable [] token;

	ActuatorAccessFilter(@Nullable String token) {
		this.token = (token != null) ? token.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		// The container's normalized path: the raw request URI may still say
		// /actuator/health/../metrics.
		String path = http.getServletPath() + ((http.getPathInfo() != null) ? http.getPathInfo() : "");
		if (isOpen(path) || authorized(http.getHeader("Authorization"))) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletResponse reply = (HttpServletResponse) response;
		reply.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		reply.setHeader("WWW-Authenticate", "Bearer realm=\"faultline-management\"");
		reply.setContentType("application/json");
		reply.getOutputStream()
			.write(("{\"detail\":\""
					+ ((this.token != null) ? "Management token required."
							: "Set faultline.management.token (FAULTLINE_MANAGEMENT_TOKEN) to open this endpoint.")
					+ "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	static boolean isOpen(String path) {
		return path.equals(BASE + "/health") || path.startsWith(BASE + "/health/");
	}

	private boolean authorized(@Nullable String authorization) {
		if (this.token == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(given, this.token);
	}

}
