package dev.faultline.processor;

import java.time.Duration;
import java.util.Objects;

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
record ProcessorSettings(String group, int maxRecords, Duration pollTimeout, Duration initialBackoff,
		Duration maxBackoff, Duration shutdownTimeout) {

	ProcessorSettings {
		Objects.requireNonNull(group, "group");
		if (maxRecords < 1) {
			throw new IllegalArgumentException("maxRecords must be at least 1 but was " + maxRecords);
		}
		Objects.requireNonNull(pollTimeout, "pollTimeout");
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
	}

	static ProcessorSettings defaults() {
		return new ProcessorSettings("processor", 500, Duration.ofMillis(200), Duration.ofMillis(100),
				Duration.ofSeconds(5), Duration.ofSeconds(25));
	}

}
