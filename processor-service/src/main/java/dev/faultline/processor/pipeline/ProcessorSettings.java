package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.faultline.boot.system.SystemProbeConfiguration;

/**
 * How the consumer loop polls and retries.
 *
 * @param group the queue consumer group
 * @param maxRecords records per poll (and per store batch), at least 1
 * @param pollTimeout how long one poll waits for records
 * @param initialBackoff the first pause after a failure; doubled per repeated failure
 * @param maxBackoff the longest pause between retries
 * @param shutdownTimeout how long stopping waits for the in-flight batch
 */
public record ProcessorSettings(String group, int maxRecords, Duration pollTimeout, Duration initialBackoff,
		Duration maxBackoff, Duration shutdownTimeout) {

	public ProcessorSettings {
		Objects.requireNonNull(group, "group");
		if (maxRecords < 1) {
			throw new IllegalArgumentException("maxRecords must be at least 1 but was " + maxRecords);
		}
		Objects.requireNonNull(pollTimeout, "pollTimeout");
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
	}

	/** Time a poll's batch may take to store, on top of its processing. */
	static final Duration STORE_ALLOWANCE = Duration.ofMinutes(5);

	/**
	 * Checks that a whole poll can be processed within the queue's poll deadline even
	 * when every envelope uses up its budget: {@code budget x maxRecords + 5 min <=
	 * deadline}. Otherwise one slow batch would make the queue take the consumer for dead
	 * and hand its partitions (and the slow batch) to the next consumer.
	 * @throws IllegalStateException naming the properties to change
	 */
	public void requireWithin(Optional<Duration> pollDeadline, Duration budget) {
		if (pollDeadline.isEmpty()) {
			return;
		}
		Duration needed = budget.multipliedBy(this.maxRecords).plus(STORE_ALLOWANCE);
		if (needed.compareTo(pollDeadline.get()) > 0) {
			throw new IllegalStateException("faultline.queue.kafka.max-poll-interval (" + pollDeadline.get()
					+ ") must be at least faultline.processor.processing-budget (" + budget + ") x " + this.maxRecords
					+ " records per poll + " + STORE_ALLOWANCE + " = " + needed);
		}
	}

	public static ProcessorSettings defaults() {
		return new ProcessorSettings(SystemProbeConfiguration.PROCESSOR_GROUP, 500, Duration.ofMillis(200),
				Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(25));
	}

}
