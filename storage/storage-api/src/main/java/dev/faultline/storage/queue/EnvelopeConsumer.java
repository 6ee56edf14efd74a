package dev.faultline.storage.queue;

import java.time.Duration;
import java.util.List;

/**
 * Reads envelopes for one consumer group. Not thread-safe: one thread polls and commits.
 */
public interface EnvelopeConsumer extends AutoCloseable {

	/**
	 * Returns up to {@code maxRecords} records after the last polled one, waiting at most
	 * {@code timeout} when none is ready; an empty list when none arrived in time.
	 */
	List<QueueRecord> poll(int maxRecords, Duration timeout);

	/**
	 * Marks every record returned by earlier polls as processed; they are not delivered
	 * to this group again. Records polled but never committed are redelivered after the
	 * consumer is closed or its process dies.
	 */
	void commit();

	@Override
	void close();

}
