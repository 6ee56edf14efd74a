package dev.faultline.sdk;

/**
 * What the SDK needs from a response: the status and the rate-limit headers.
 *
 * @param status the HTTP status
 * @param rateLimits the {@code X-Sentry-Rate-Limits} value, nullable
 * @param retryAfter the {@code Retry-After} value, nullable
 */
public record TransportResponse(int status, String rateLimits, String retryAfter) {

	public boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

}
