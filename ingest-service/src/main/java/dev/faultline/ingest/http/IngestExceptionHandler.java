package dev.faultline.ingest.http;

import java.util.Locale;

import dev.faultline.ingest.ratelimit.RateLimitHeaders;
import dev.faultline.ingest.ratelimit.RateLimitedException;
import dev.faultline.protocol.auth.AuthParseException;
import dev.faultline.protocol.envelope.EnvelopeParseException;
import dev.faultline.storage.queue.EnvelopeTooLargeException;
import dev.faultline.storage.queue.QueueFullException;
import dev.faultline.storage.queue.QueueUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where ingest failures become HTTP replies, in Sentry's statuses: 400
 * malformed, 401 unknown or mismatched key, 403 no credentials or disabled key, 413 too
 * large, 429 rate limited (with {@code Retry-After} and {@code X-Sentry-Rate-Limits}),
 * 503 queue cannot take more. Client errors log at DEBUG; server errors once at ERROR.
 * Applies to the ingest controllers only.
 */
@RestControllerAdvice(basePackages = "dev.faultline.ingest")
class IngestExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(IngestExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<byte[]> rejection(IngestRejection ex) {
		if (ex.status().is5xxServerError()) {
			logger.warn("Ingest unavailable ({}): {}", ex.reason(), ex.getMessage());
		}
		else {
			logger.debug("Ingest rejected a request ({}): {}", ex.reason(), ex.getMessage());
		}
		return IngestReplies.rejected(ex.status(), ex.reason());
	}

	@ExceptionHandler
	ResponseEntity<byte[]> rateLimited(RateLimitedException ex) {
		logger.debug("Ingest refused an envelope by rate limit: {}", ex.getMessage());
		ResponseEntity<byte[]> reply = IngestReplies.rejected(HttpStatus.TOO_MANY_REQUESTS, RateLimitHeaders.REASON);
		return ResponseEntity.status(reply.getStatusCode())
			.headers(reply.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitHeaders.retryAfter(ex.retryAfterByCategory())))
			.header(RateLimitHeaders.HEADER, RateLimitHeaders.render(ex.retryAfterByCategory()))
			.body(reply.getBody());
	}

	@ExceptionHandler
	ResponseEntity<byte[]> malformedEnvelope(EnvelopeParseException ex) {
		logger.debug("Ingest rejected a malformed envelope ({}): {}", ex.reason(), ex.getMessage());
		return IngestReplies.rejected(HttpStatus.BAD_REQUEST, ex.reason().wireName());
	}

	@ExceptionHandler
	ResponseEntity<byte[]> badCredentials(AuthParseException ex) {
		logger.debug("Ingest rejected credentials ({}): {}", ex.reason(), ex.getMessage());
		return IngestReplies.rejected(HttpStatus.UNAUTHORIZED, ex.reason().name().toLowerCase(Locale.ROOT));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> tooLargeForQueue(EnvelopeTooLargeException ex) {
		logger.debug("Envelope too large for the queue: {}", ex.getMessage());
		return IngestReplies.rejected(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> queueFull(QueueFullException ex) {
		logger.warn("Envelope queue is full: {}", ex.getMessage());
		return IngestReplies.rejected(HttpStatus.SERVICE_UNAVAILABLE, "queue_full");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> queueUnavailable(QueueUnavailableException ex) {
		logger.warn("Envelope queue is unavailable: {}", ex.getMessage());
		return IngestReplies.rejected(HttpStatus.SERVICE_UNAVAILABLE, "queue_unavailable");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unexpected(RuntimeException ex) {
		if (ex instanceof ErrorResponse response) {
			// Spring's own request errors (e.g. a missing path variable) keep their
			// status.
			logger.debug("Ingest request failed: {}", ex.getMessage());
			return IngestReplies.rejected(response.getStatusCode(), "invalid_request");
		}
		logger.error("Ingest failed unexpectedly", ex);
		return IngestReplies.rejected(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error");
	}

}
