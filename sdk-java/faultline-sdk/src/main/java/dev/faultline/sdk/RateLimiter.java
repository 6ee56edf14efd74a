package dev.faultline.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-category rate limits learned from responses: {@code X-Sentry-Rate-Limits} (on any
 * status, 200 included), else {@code Retry-After} on a 429, else 60 s for everything on a
 * bare 429. Items of a limited category are dropped before they are sent and counted as
 * {@code ratelimit_backoff}. Thread-safe; time comes from the injected clock.
 */
final class RateLimiter {

	/** The key of a limit on every category. */
	private static final String ALL = "";

	private static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);

	private final Clock clock;

	private final ClientReports reports;

	private final Map<String, Instant> limitedUntil = new ConcurrentHashMap<>();

	RateLimiter(Clock clock, ClientReports reports) {
		this.clock = clock;
		this.reports = reports;
	}

	boolean isLimited(String category) {
		if (DataCategory.INTERNAL.equals(category) || this.limitedUntil.isEmpty()) {
			return false;
		}
		Instant now = this.clock.instant();
		return isActive(ALL, now) || isActive(category, now);
	}

	/**
	 * Removes the items of limited categories, counting them.
	 * @return the envelope left, or null when no item is left
	 */
	Envelope filter(Envelope envelope) {
		if (this.limitedUntil.isEmpty()) {
			return envelope;
		}
		List<EnvelopeItem> kept = new ArrayList<>(envelope.items().size());
		List<EnvelopeItem> dropped = new ArrayList<>();
		for (EnvelopeItem item : envelope.items()) {
			(isLimited(item.category()) ? dropped : kept).add(item);
		}
		if (dropped.isEmpty()) {
			return envelope;
		}
		this.reports.record(DiscardReason.RATELIMIT_BACKOFF, envelope.withItems(dropped));
		return kept.isEmpty() ? null : envelope.withItems(kept);
	}

	/** Learns limits from a response. */
	void update(TransportResponse response) {
		Instant now = this.clock.instant();
		String header = response.rateLimits();
		if (header != null && !header.isBlank()) {
			for (String limit : header.split(",")) {
				String[] parts = limit.trim().split(":", -1);
				if (parts.length < 2) {
					continue;
				}
				Duration retry = seconds(parts[0], DEFAULT_RETRY);
				String categories = parts[1].trim();
				if (categories.isEmpty()) {
					extend(ALL, now.plus(retry));
				}
				else {
					for (String category : categories.split(";")) {
						extend(category.trim().toLowerCase(Locale.ROOT), now.plus(retry));
					}
				}
			}
		}
		else if (response.status() == 429) {
			extend(ALL, now.plus(seconds(response.retryAfter(), DEFAULT_RETRY)));
		}
	}

	private void extend(String key, Instant until) {
		this.limitedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
	}

	private boolean isActive(String key, Instant now) {
		Instant until = this.limitedUntil.get(key);
		if (until == null) {
			return false;
		}
		if (!now.isBefore(until)) {
			this.limitedUntil.remove(key, until);
			return false;
		}
		return true;
	}

	private static Duration seconds(String text, Duration fallback) {
		if (text == null) {
			return fallback;
		}
		try {
			double seconds = Double.parseDouble(text.trim());
			return (seconds > 0) ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : fallback;
		}
		catch (NumberFormatException ex) {
			// An HTTP-date Retry-After is allowed but unseen from Sentry; the default is
			// safe.
			return fallback;
		}
	}

}
