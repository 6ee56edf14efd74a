package dev.faultline.api.web;

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
 * Security headers on every answer of the web UI and the Web API, set before the request
 * is handled so that error answers carry them too.
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fonts and API calls only from
 * this origin, no inline script or style, no plugins, no framing by any site
 * ({@code frame-ancestors 'none'}, which also stops clickjacking of triage actions). The
 * built UI satisfies it: Vite emits only external module scripts and stylesheets, React
 * sets styles through the CSSOM, and the favicon is the one {@code data:} image.</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a stored event or attachment served as
 * JSON or text is never sniffed into HTML or script.</li>
 * <li>{@code Referrer-Policy: same-origin}: issue URLs (organization, project, issue ids)
 * do not leak to links the UI shows, e.g. an event's request URL.</li>
 * <li>{@code X-Frame-Options: DENY} for browsers without {@code frame-ancestors}.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("X-Frame-Options", "DENY");
		chain.doFilter(request, response);
	}

}
