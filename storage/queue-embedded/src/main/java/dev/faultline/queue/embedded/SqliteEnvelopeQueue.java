package dev.faultline.queue.embedded;

import java.nio.file.Path;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * PLACEHOLDER: replaced by the queue adapter work.
 */
public class SqliteEnvelopeQueue implements EnvelopeQueue {

	public SqliteEnvelopeQueue(Path databaseFile, long maxBacklog) {
		throw new UnsupportedOperationException("pending");
	}

	@Override
	public void publish(QueuedEnvelope envelope) {
		throw new UnsupportedOperationException("pending");
	}

	@Override
	public EnvelopeConsumer consumer(String group) {
		throw new UnsupportedOperationException("pending");
	}

	@Override
	public boolean isHealthy() {
		return false;
	}

	@Override
	public void close() {
	}

}
