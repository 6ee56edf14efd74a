package dev.faultline.api.ui;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the single-page app own its URLs: a browser navigation ({@code GET} accepting
 * {@code text/html}) to a path that is neither the API ({@code /api/**}), the actuator
 * ({@code /actuator/**}) nor a static file is forwarded to {@code /index.html}, so that
 * reloading a deep link such as {@code /organizations/faultline/issues/12/} shows the
 * app, which then routes by itself. A filter rather than a catch-all controller, because
 * a controller mapping {@code /**} would shadow the static resources.
 */
@Component
class SpaFallbackFilter extends OncePerRequestFilter {

	static final String INDEX = "/index.html";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAppNavigation(request)) {
			request.getRequestDispatcher(INDEX).forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isAppNavigation(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || !accept.contains("text/html")) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.isEmpty() || path.equals("/") || path.equals(INDEX) || path.startsWith("/api/") || path.equals("/api")
				|| path.startsWith("/actuator/") || path.equals("/actuator")) {
			return false;
		}
		return !isStaticFile(path);
	}

	private static boolean isStaticFile(String path) {
		if (path.contains("..")) {
			// Never resolved against the class path; the resource handler rejects it.
			return true;
		}
		return new ClassPathResource("static" + path).isReadable();
	}

}
