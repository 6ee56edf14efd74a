package dev.faultline.api.web;

import org.springframework.http.HttpStatus;

/**
 * A client error with the status and the {@code detail} text Sentry answers with. Mapped
 * to HTTP by {@link ApiExceptionHandler} only.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	public ApiException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String detail() {
		return getMessage();
	}

	/**
	 * Missing, or not visible to the caller: Sentry answers both alike so that ids and
	 * slugs of other tenants cannot be probed.
	 */
	public static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "The requested resource does not exist");
	}

	public static ApiException forbidden() {
		return new ApiException(HttpStatus.FORBIDDEN, "You do not have permission to perform this action.");
	}

	public static ApiException unauthorized(String detail) {
		return new ApiException(HttpStatus.UNAUTHORIZED, detail);
	}

	public static ApiException badRequest(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, detail);
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, detail);
	}

}
