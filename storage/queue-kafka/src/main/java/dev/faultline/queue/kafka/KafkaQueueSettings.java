package dev.faultline.queue.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KafkaEnvelopeQueue} reaches and shapes its topic. Validated on construction.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param topic the envelope topic; created when missing
 * @param partitions partitions of a topic this queue creates (an existing topic is kept
 * as it is); the upper bound of consumer parallelism per group
 * @param publishTimeout how long {@code publish} waits for the brokers' acknowledgement
 * @param maxBlock how long {@code publish} may wait for metadata or producer buffer space
 * before refusing; keeps an unreachable cluster from holding ingest threads
 * @param maxMessageBytes the largest record (envelope body plus headers) the queue
 * accepts; used for the producer, the consumer fetch sizes and the topic's
 * {@code max.message.bytes}
 * @param maxPollInterval Kafka's {@code max.poll.interval.ms}: the longest time a
 * consumer may take to process one poll's records before the group hands its partitions
 * to another consumer; must cover the processor's per-envelope budget times the records
 * of one poll
 */
public record KafkaQueueSettings(String bootstrapServers, String topic, int partitions, Duration publishTimeout,
		Duration maxBlock, int maxMessageBytes, Duration maxPollInterval) {

	/** Room for a 20 MiB envelope (ingest's largest) plus record headers and framing. */
	public static final int DEFAULT_MAX_MESSAGE_BYTES = 21 * 1024 * 1024;

	public static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_MAX_BLOCK = Duration.ofSeconds(2);

	/**
	 * Covers 500 records of a poll at the processor's default budget of 3 s each (25
	 * minutes) plus 5 minutes to store them.
	 */
	public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(30);

	public KafkaQueueSettings {
		Objects.requireNonNull(bootstrapServers, "bootstrapServers");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(publishTimeout, "publishTimeout");
		Objects.requireNonNull(maxBlock, "maxBlock");
		if (bootstrapServers.isBlank()) {
			throw new IllegalArgumentException("bootstrapServers must not be blank");
		}
		if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
			throw new IllegalArgumentException("topic is not a valid Kafka topic name: " + topic);
		}
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be positive, was " + partitions);
		}
		if (publishTimeout.toMillis() < 1000) {
			throw new IllegalArgumentException("publishTimeout must be at least 1s, was " + publishTimeout);
		}
		if (maxBlock.isNegative()) {
			throw new IllegalArgumentException("maxBlock must not be negative, was " + maxBlock);
		}
		Objects.requireNonNull(maxPollInterval, "maxPollInterval");
		if (maxPollInterval.toMillis() < 1000 || maxPollInterval.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"maxPollInterval must be between 1s and about 24 days, was " + maxPollInterval);
		}
		if (maxMessageBytes < 1024 * 1024) {
			throw new IllegalArgumentException("maxMessageBytes must be at least 1 MiB, was " + maxMessageBytes);
		}
	}

	/** Settings with the default timeouts and message size. */
	public KafkaQueueSettings(String bootstrapServers, String topic, int partitions) {
		this(bootstrapServers, topic, partitions, DEFAULT_PUBLISH_TIMEOUT, DEFAULT_MAX_BLOCK, DEFAULT_MAX_MESSAGE_BYTES,
				DEFAULT_MAX_POLL_INTERVAL);
	}

	/**
	 * Settings with the default timeouts and message size, and the given poll deadline.
	 */
	public KafkaQueueSettings(String bootstrapServers, String topic, int partitions, Duration maxPollInterval) {
		this(bootstrapServers, topic, partitions, DEFAULT_PUBLISH_TIMEOUT, DEFAULT_MAX_BLOCK, DEFAULT_MAX_MESSAGE_BYTES,
				maxPollInterval);
	}

}
