package dev.faultline.processor.pipeline;

import java.util.List;

import dev.faultline.boot.outcome.OutcomeRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what became of every item once its batch is committed: in the shared
 * {@link OutcomeRecorder} (counter {@code faultline.outcomes{outcome,reason,category}}
 * and the {@code OutcomeStore} that {@code stats_v2} reads), flushed after every batch,
 * and in the processor's counter {@value #ITEMS} tagged {@code type} (the envelope item
 * type, or {@code envelope} for a record that could not be decoded), {@code outcome} and
 * {@code reason} in the same vocabulary. Thread-safe.
 */
public final class ItemOutcomes {

	public static final String ITEMS = "faultline.processor.items";

	public static final String STORE_FAILURES = "faultline.processor.store.failures";

	private static final Logger logger = LoggerFactory.getLogger(ItemOutcomes.class);

	private final MeterRegistry registry;

	private final @Nullable OutcomeRecorder recorder;

	/**
	 * @param recorder the shared recorder; null only in tests that read the meters alone
	 */
	public ItemOutcomes(MeterRegistry registry, @Nullable OutcomeRecorder recorder) {
		this.registry = registry;
		this.recorder = recorder;
	}

	/**
	 * Counts the outcomes of a committed batch and writes them to the outcome store; a
	 * failed write is logged and left to the recorder's next flush.
	 */
	void record(List<ItemOutcome> outcomes) {
		for (ItemOutcome outcome : outcomes) {
			Counter.builder(ITEMS)
				.description("Envelope items by type and what became of them")
				.tag("type", outcome.itemType().isEmpty() ? "unknown" : outcome.itemType())
				.tag("outcome", outcome.outcome().wireName())
				.tag("reason", outcome.reason())
				.register(this.registry)
				.increment(outcome.timesSeen());
			if (this.recorder != null) {
				this.recorder.record(outcome.projectId(), outcome.category(), outcome.outcome(), outcome.reason(),
						outcome.quantity(), outcome.timesSeen());
			}
		}
		if (this.recorder != null && !outcomes.isEmpty()) {
			try {
				this.recorder.flush();
			}
			catch (RuntimeException ex) {
				logger.warn("Outcome counts could not be stored; the next flush retries: {}", ex.toString());
			}
		}
	}

	void storeFailure() {
		Counter.builder(STORE_FAILURES)
			.description("Batches that failed to store and were retried")
			.register(this.registry)
			.increment();
	}

}
