package dev.faultline.ingest.ratelimit;

import java.util.Map;

/**
 * Every item of an envelope was refused by its key's rate limit: answered {@code 429}
 * with {@code Retry-After} and {@code X-Sentry-Rate-Limits} by the ingest exception
 * handler.
 */
public class RateLimitedException extends RuntimeException {

	private final Map<String, Long> retryAfterByCategory;

	/**
	 * @param retryAfterByCategory refused categories and the seconds until each may send
	 * again
	 */
	public RateLimitedException(Map<String, Long> retryAfterByCategory) {
		super("key rate limit reached for " + retryAfterByCategory.keySet());
		this.retryAfterByCategory = Map.copyOf(retryAfterByCategory);
	}

	public Map<String, Long> retryAfterByCategory() {
		return this.retryAfterByCategory;
	}

}
