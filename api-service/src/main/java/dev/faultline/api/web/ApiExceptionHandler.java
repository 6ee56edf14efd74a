package dev.faultline.api.web;

import dev.faultline.core.search.SearchSyntaxException;
import dev.faultline.protocol.json.ClientJson;
import dev.faultline.query.FieldSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where the Web API maps exceptions to statuses, always with Sentry's
 * {@code {"detail": …}} body. Client errors log at DEBUG, server errors once at ERROR.
 * Limited to this service's controllers so that it does not answer for other services
 * sharing the process (standalone).
 */
@RestControllerAdvice(basePackages = "dev.faultline.api")
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ApiError> apiException(ApiException ex) {
		logger.debug("API client error {}: {}", ex.status().value(), ex.detail());
		return ResponseEntity.status(ex.status()).body(new ApiError(ex.detail()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> searchSyntax(SearchSyntaxException ex) {
		logger.debug("API search query invalid: {}", ex.getMessage());
		return ResponseEntity.badRequest().body(new ApiError(ex.reason() + " at position " + ex.position()));
	}

	/**
	 * A {@code field} or {@code sort} parameter that names no column, tag or function of
	 * the dataset: the detail names the field, the position and the reason.
	 */
	@ExceptionHandler
	ResponseEntity<ApiError> fieldSyntax(FieldSyntaxException ex) {
		logger.debug("API field invalid ({}): {}", ex.reason(), ex.getMessage());
		return ResponseEntity.badRequest().body(new ApiError(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException ex) {
		logger.debug("API request body unreadable", ex);
		if (ClientJson.isLimit(ex)) {
			return ResponseEntity.badRequest()
				.body(new ApiError("Request body nests deeper than " + ClientJson.MAX_NESTING_DEPTH
						+ " levels or holds a string longer than " + ClientJson.MAX_STRING_LENGTH + " characters"));
		}
		return ResponseEntity.badRequest().body(new ApiError("Malformed request body"));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
		// Sentry answers a non-numeric id in a path with 404: no such resource.
		logger.debug("API argument mismatch: {}", ex.getName());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(ApiException.notFound().detail()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> frameworkError(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			// Spring's own client errors (unknown path, wrong method, missing
			// parameter…).
			HttpStatusCode status = response.getStatusCode();
			if (status.is4xxClientError()) {
				logger.debug("API client error {}: {}", status.value(), ex.getMessage());
				String detail = (response.getBody().getDetail() != null) ? response.getBody().getDetail()
						: String.valueOf(status.value());
				return ResponseEntity.status(status).body(new ApiError(detail));
			}
		}
		logger.error("API request failed", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("Internal Error"));
	}

}
