package dev.faultline.ingest.http;

import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A request ingest refuses, with the status and the stable, lower-case reason the client
 * receives (body {@code {"detail": reason}} and header {@code X-Sentry-Error}). Thrown by
 * the ingest features and mapped to a reply by {@link IngestExceptionHandler} only.
 */
public class IngestRejection extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	public IngestRejection(HttpStatus status, String reason, String message) {
		super(message);
		this.status = Objects.requireNonNull(status, "status");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public IngestRejection(HttpStatus status, String reason, String message, Throwable cause) {
		super(message, cause);
		this.status = Objects.requireNonNull(status, "status");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public HttpStatus status() {
		return this.status;
	}

	public String reason() {
		return this.reason;
	}

	public static IngestRejection badRequest(String reason, String message) {
		return new IngestRejection(HttpStatus.BAD_REQUEST, reason, message);
	}

	public static IngestRejection unauthorized(String reason, String message) {
		return new IngestRejection(HttpStatus.UNAUTHORIZED, reason, message);
	}

	public static IngestRejection forbidden(String reason, String message) {
		return new IngestRejection(HttpStatus.FORBIDDEN, reason, message);
	}

	public static IngestRejection tooLarge(String reason, String message) {
		return new IngestRejection(HttpStatus.CONTENT_TOO_LARGE, reason, message);
	}

}
