package dev.faultline.sdk;

import java.util.Locale;

/**
 * Why the SDK dropped an item: each drop is counted under exactly one reason and sent in
 * a {@code client_report}.
 */
enum DiscardReason {

	/** The in-memory queue was full. */
	QUEUE_OVERFLOW,
	/** The offline cache was full; its oldest envelope was dropped. */
	CACHE_OVERFLOW,
	/** A rate limit was active for the item's category. */
	RATELIMIT_BACKOFF,
	/** The network failed and there is no offline cache. */
	NETWORK_ERROR,
	/** The server refused the envelope (4xx other than 429, or 5xx without a cache). */
	SEND_ERROR,
	/** {@code beforeSend} returned null. */
	BEFORE_SEND,
	/** Not sampled by {@code sampleRate} or {@code tracesSampleRate}. */
	SAMPLE_RATE;

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
