package dev.faultline.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts dropped items by reason and category until they are delivered in a
 * {@code client_report} item. Counts taken for an envelope that then fails are
 * {@link #restore restored}, so each drop is reported once it gets through. Thread-safe.
 */
final class ClientReports {

	private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();

	private final Clock clock;

	ClientReports(Clock clock) {
		this.clock = clock;
	}

	void record(DiscardReason reason, String category, long quantity) {
		if (quantity <= 0 || DataCategory.INTERNAL.equals(category)) {
			return;
		}
		this.counts.computeIfAbsent(new Key(reason.wireName(), category), (k) -> new AtomicLong()).addAndGet(quantity);
	}

	/** Records every item of the envelope (and the spans of transactions). */
	void record(DiscardReason reason, Envelope envelope) {
		for (EnvelopeItem item : envelope.items()) {
			record(reason, item.category(), 1);
			if (item.spanCount() > 0) {
				record(reason, DataCategory.SPAN, item.spanCount());
			}
		}
	}

	boolean isEmpty() {
		return this.counts.values().stream().allMatch((count) -> count.get() == 0);
	}

	/** Takes every count so far; the caller sends them or {@link #restore}s them. */
	Map<Key, Long> take() {
		Map<Key, Long> taken = new HashMap<>();
		this.counts.forEach((key, count) -> {
			long value = count.getAndSet(0);
			if (value > 0) {
				taken.put(key, value);
			}
		});
		return taken;
	}

	void restore(Map<Key, Long> taken) {
		taken.forEach((key, value) -> this.counts.computeIfAbsent(key, (k) -> new AtomicLong()).addAndGet(value));
	}

	/** The {@code client_report} item carrying taken counts. */
	EnvelopeItem item(Map<Key, Long> taken) {
		StringBuilder out = new StringBuilder(128);
		JsonWriter json = new JsonWriter(out);
		json.beginObject()
			.field("timestamp", Timestamps.iso(this.clock.instant()))
			.name("discarded_events")
			.beginArray();
		taken.forEach((key, quantity) -> json.beginObject()
			.field("reason", key.reason())
			.field("category", key.category())
			.field("quantity", quantity)
			.endObject());
		json.endArray().endObject();
		return EnvelopeItem.json("client_report", out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Current count, for tests and debugging. */
	long count(DiscardReason reason, String category) {
		AtomicLong count = this.counts.get(new Key(reason.wireName(), category));
		return (count != null) ? count.get() : 0;
	}

	record Key(String reason, String category) {

	}

}
