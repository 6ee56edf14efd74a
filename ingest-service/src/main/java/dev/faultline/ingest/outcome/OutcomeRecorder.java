package dev.faultline.ingest.outcome;

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

import dev.faultline.ingest.IngestProperties;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts outcomes twice: at once in the Micrometer counter
 * {@code faultline.outcomes{outcome,reason,category}} (summed quantities), and, summed in
 * memory per project, hour, category, outcome and reason, in the {@link OutcomeStore}
 * every {@code outcome-flush-interval} and at shutdown. Recording never blocks on the
 * database, so a request path can call it; a failed flush keeps its counts for the next
 * one. Counts still in memory when the process dies are lost (metrics, not data).
 * Thread-safe.
 */
@Component
public class OutcomeRecorder implements DisposableBean {

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

	private final Map<OutcomeKey, LongAdder> pending = new ConcurrentHashMap<>();

	private final Map<MetricKey, Counter> counters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService flusher;

	@Autowired
	public OutcomeRecorder(OutcomeStore store, MeterRegistry meters, IngestProperties properties) {
		this(store, meters, properties.outcomeFlushInterval(), Clock.systemUTC());
	}

	OutcomeRecorder(OutcomeStore store, MeterRegistry meters, Duration flushInterval, Clock clock) {
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
		if (quantity <= 0) {
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
		LongAdder adder = this.pending.get(key);
		if (adder == null) {
			if (this.pending.size() >= MAX_PENDING) {
				return;
			}
			adder = this.pending.computeIfAbsent(key, (k) -> new LongAdder());
		}
		adder.add(quantity);
	}

	/**
	 * Writes the counts summed so far to the store.
	 * @throws RuntimeException when the store fails; the counts stay pending
	 */
	public synchronized void flush() {
		List<OutcomeCount> batch = new ArrayList<>();
		for (Map.Entry<OutcomeKey, LongAdder> entry : this.pending.entrySet()) {
			long quantity = entry.getValue().sumThenReset();
			if (quantity > 0) {
				OutcomeKey key = entry.getKey();
				batch.add(new OutcomeCount(key.projectId(), key.hour(), key.category(), key.outcome(), key.reason(),
						quantity));
			}
		}
		// Drained counters are removed; a concurrent add to a removed adder is lost,
		// which is acceptable for statistics and keeps the map from growing forever.
		this.pending.values().removeIf((adder) -> adder.sum() == 0);
		try {
			this.store.record(batch);
		}
		catch (RuntimeException ex) {
			for (OutcomeCount count : batch) {
				this.pending
					.computeIfAbsent(new OutcomeKey(count.projectId(), count.hour(), count.category(), count.outcome(),
							count.reason()), (k) -> new LongAdder())
					.add(count.quantity());
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
	public void destroy() {
		this.flusher.shutdownNow();
		flushQuietly();
	}

	private record OutcomeKey(long projectId, Instant hour, String category, String outcome, String reason) {

	}

	private record MetricKey(Outcome outcome, String reason, String category) {

	}

}
