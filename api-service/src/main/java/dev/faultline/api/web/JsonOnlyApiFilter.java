package dev.faultline.api.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Web API ({@code /api/0/**}) speaks JSON whatever the client asks for, and every
 * answer it gives, errors included, is Sentry's {@code {"detail": …}} body:
 * <ul>
 * <li>{@code Accept} is treated as {@code application/json}, so a browser's
 * {@code Accept: text/html} neither fails content negotiation (which turned a 401 into a
 * 500) nor falls through to an HTML error page;</li>
 * <li>errors the servlet container would render (an unknown path, a wrong method) are
 * written here as JSON instead;</li>
 * <li>an exception that escapes Spring MVC becomes one logged 500 with a JSON body rather
 * than the container's error page.</li>
 * </ul>
 * The service's {@code ApiExceptionHandler} still maps everything the controllers throw;
 * this filter is the net beneath it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonOnlyApiFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(JsonOnlyApiFilter.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/0/") || path.equals("/api/0"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		JsonErrorResponse reply = new JsonErrorResponse(response);
		try {
			chain.doFilter(new JsonAcceptingRequest(request), reply);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			logger.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
			response.resetBuffer();
			writeDetail(response, HttpStatus.INTERNAL_SERVER_ERROR.value(), "Internal Error");
		}
	}

	static void writeDetail(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] body = JSON.writeValueAsBytes(new ApiError(detail));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static String detailFor(int status) {
		if (status == HttpStatus.NOT_FOUND.value()) {
			return ApiException.notFound().detail();
		}
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : String.valueOf(status);
	}

	private static final class JsonAcceptingRequest extends HttpServletRequestWrapper {

		JsonAcceptingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
		}

	}

	/**
	 * Writes {@code sendError} as a JSON body here instead of letting the container
	 * forward to its error page.
	 */
	private static final class JsonErrorResponse extends HttpServletResponseWrapper {

		JsonErrorResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, detailFor(status));
		}

		@Override
		public void sendError(int status, @Nullable String message) throws IOException {
			if (isCommitted()) {
				throw new IllegalStateException("response already committed");
			}
			resetBuffer();
			writeDetail((HttpServletResponse) getResponse(), status, detailFor(status));
		}

	}

}
