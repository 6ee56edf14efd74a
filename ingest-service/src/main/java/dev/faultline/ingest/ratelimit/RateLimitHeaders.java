package dev.faultline.ingest.ratelimit;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders Sentry's {@code X-Sentry-Rate-Limits} header
 * ({@code retry_after:categories:scope:reason_code}, comma-separated; categories
 * {@code ;}-separated). Categories with the same retry time share one entry.
 */
public final class RateLimitHeaders {

	/** The rate-limit header. */
	public static final String HEADER = "X-Sentry-Rate-Limits";

	/** The scope of every limit ingest enforces: the client key. */
	static final String SCOPE = "key";

	/** The reason code SDKs receive for a key's own rate limit. */
	public static final String REASON = "key_quota";

	private RateLimitHeaders() {
	}

	/**
	 * @param retryAfterByCategory refused categories and their seconds to wait
	 */
	public static String render(Map<String, Long> retryAfterByCategory) {
		Map<Long, Set<String>> byRetry = new TreeMap<>();
		retryAfterByCategory
			.forEach((category, retry) -> byRetry.computeIfAbsent(retry, (r) -> new TreeSet<>()).add(category));
		return byRetry.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + String.join(";", entry.getValue()) + ":" + SCOPE + ":" + REASON)
			.collect(Collectors.joining(", "));
	}

	/**
	 * The {@code Retry-After} value: the longest wait.
	 */
	public static long retryAfter(Map<String, Long> retryAfterByCategory) {
		return retryAfterByCategory.values().stream().mapToLong(Long::longValue).max().orElse(60);
	}

}
