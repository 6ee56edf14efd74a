package dev.faultline.storage.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The durable hand-off between ingest and processing.
 *
 * <p>
 * Contract, specified once in the storage TCK and honoured by every adapter:
 * <ul>
 * <li>{@link #publish} returns only once the envelope is durable: it survives a
 * {@code kill -9} of any process that follows.</li>
 * <li>Consumers of one group see every published envelope at least once, in publish order
 * per project; what a group has not committed is delivered again to the next consumer of
 * that group.</li>
 * <li>The queue never buffers without bound: when it cannot take more it refuses with
 * {@link QueueFullException}.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface EnvelopeQueue extends AutoCloseable {

	/**
	 * Appends an envelope durably.
	 * @throws QueueFullException when the backlog is at capacity (ingest answers 503)
	 * @throws QueueUnavailableException when the queue cannot be reached or did not
	 * acknowledge
	 * @throws EnvelopeTooLargeException when the envelope exceeds what the queue can
	 * carry (ingest answers 413)
	 */
	void publish(QueuedEnvelope envelope);

	/**
	 * Opens a consumer of the given group. A consumer is used by one thread at a time.
	 */
	EnvelopeConsumer consumer(String group);

	/**
	 * The longest time a consumer may spend between two polls before the queue takes it
	 * for dead and hands its records to another consumer of the group (Kafka's
	 * {@code max.poll.interval.ms}); empty when the queue has no such deadline. A
	 * consumer must process a whole poll's records within it.
	 */
	default Optional<Duration> pollDeadline() {
		return Optional.empty();
	}

	/**
	 * Returns how far a consumer group is behind, one entry per partition in partition
	 * order: the backlog an operator watches. A group that never committed is behind by
	 * every retained record. Reads the queue's current state; bounded in time.
	 * @throws QueueUnavailableException when the queue cannot be reached
	 */
	List<PartitionLag> lag(String group);

	/**
	 * Returns whether the queue is usable now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
