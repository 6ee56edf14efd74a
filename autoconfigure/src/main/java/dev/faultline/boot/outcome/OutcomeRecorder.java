package dev.faultline.boot.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place outcomes are recorded, by ingest (items refused at the door) and by the
 * processor (items stored or dropped): at once in the Micrometer counter
 * {@code faultline.outcomes{outcome,reason,category}} (summed quantities), and, summed in
 * memory per project, hour, category, outcome and reason, in the {@link OutcomeStore}
 * every {@code faultline.outcomes.flush-interval} and at shutdown. Recording never blocks
 * on the database, so a request path or the processor loop can call it; a failed flush
 * keeps its counts for the next one. Counts still in memory when the process dies are
 * lost (statistics, not data), so callers record an item once its fate is final (the
 * processor after committing a batch) and an item is never counted twice. In the embedded
 * shape ingest and the processor share one recorder. Thread-safe.
 */
public class OutcomeRecorder implements AutoCloseable {

	/** The Micrometer counter's name. */
	public static final String METRIC = "faultline.outcomes";

	private static final Logger logger = LoggerFactory.getLogger(OutcomeRecorder.class);

	/**
	 * Bounds memory if the store stays down: past this many distinct counters, new ones
	 * are only counted in Micrometer.
	 */
	private static final int MAX_PENDING = 100_000;

	private final OutcomeStore store;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<OutcomeKey, Sums> pending = new ConcurrentHashMap<>();

	private final Map<MetricKey, Counter> counters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService flusher;

	/**
	 * @param flushInterval how often the counts summed in memory are written to the store
	 */
	public OutcomeRecorder(OutcomeStore store, MeterRegistry meters, Duration flushInterval, Clock clock) {
		this.store = store;
		this.meters = meters;
		this.clock = clock;
		this.flusher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "outcome-flusher");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, flushInterval.toMillis());
		this.flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Counts {@code quantity} items of a project with one outcome.
	 * @param reason why; empty for {@link Outcome#ACCEPTED}
	 */
	public void record(long projectId, String category, Outcome outcome, String reason, long quantity) {
		record(projectId, category, outcome, reason, quantity, quantity);
	}

	/**
	 * Counts items whose quantity is not their number (attachments: bytes).
	 * @param reason why; empty for {@link Outcome#ACCEPTED}
	 * @param quantity what {@code sum(quantity)} adds (items, or bytes for attachments)
	 * @param timesSeen how many items that was
	 */
	public void record(long projectId, String category, Outcome outcome, String reason, long quantity, long timesSeen) {
		if (quantity <= 0 && timesSeen <= 0) {
			return;
		}
		this.counters
			.computeIfAbsent(new MetricKey(outcome, reason, category),
					(key) -> Counter.builder(METRIC)
						.description("Items by outcome, reason and data category")
						.tag("outcome", outcome.wireName())
						.tag("reason", reason)
						.tag("category", category)
						.register(this.meters))
			.increment(quantity);
		Instant hour = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		OutcomeKey key = new OutcomeKey(projectId, hour, category, outcome.wireName(), reason);
		Sums sums = this.pending.get(key);
		if (sums == null) {
			if (this.pending.size() >= MAX_PENDING) {
				return;
			}
			sums = this.pending.computeIfAbsent(key, (k) -> new Sums());
		}
		sums.quantity.add(Math.max(0, quantity));
		sums.timesSeen.add(Math.max(0, timesSeen));
	}

	/**
	 * Writes the counts summed so far to the store.
	 * @throws RuntimeException when the store fails; the counts stay pending
	 */
	public synchronized void flush() {
		List<OutcomeCount> batch = new ArrayList<>();
		for (Map.Entry<OutcomeKey, Sums> entry : this.pending.entrySet()) {
			long quantity = entry.getValue().quantity.sumThenReset();
			long timesSeen = entry.getValue().timesSeen.sumThenReset();
			if (quantity > 0 || timesSeen > 0) {
				OutcomeKey key = entry.getKey();
				batch.add(new OutcomeCount(key.projectId(), key.hour(), key.category(), key.outcome(), key.reason(),
						quantity, timesSeen));
			}
		}
		// Drained counters are removed; a concurrent add to a removed counter is lost,
		// which is acceptable for statistics and keeps the map from growing forever.
		this.pending.values().removeIf(Sums::isZero);
		try {
			this.store.record(batch);
		}
		catch (RuntimeException ex) {
			for (OutcomeCount count : batch) {
				Sums sums = this.pending.computeIfAbsent(new OutcomeKey(count.projectId(), count.hour(),
						count.category(), count.outcome(), count.reason()), (k) -> new Sums());
				sums.quantity.add(count.quantity());
				sums.timesSeen.add(count.timesSeen());
			}
			throw ex;
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn("Outcome counters could not be stored; retrying at the next flush: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.flusher.shutdownNow();
		flushQuietly();
	}

	private record OutcomeKey(long projectId, Instant hour, String category, String outcome, String reason) {

	}

	private static final class Sums {

		private final LongAdder quantity = new LongAdder();

		private final LongAdder timesSeen = new LongAdder();

		private boolean isZero() {
			return this.quantity.sum() == 0 && this.timesSeen.sum() == 0;
		}

	}

	private record MetricKey(Outcome outcome, String reason, String category) {

	}

}
