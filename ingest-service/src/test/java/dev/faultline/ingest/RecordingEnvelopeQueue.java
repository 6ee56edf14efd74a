package dev.faultline.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.PartitionLag;
import dev.faultline.storage.queue.QueueFullException;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * A port double of {@link EnvelopeQueue} that records what ingest publishes, or refuses
 * as a full queue would. Used for the HTTP slice until the embedded queue is available.
 */
public class RecordingEnvelopeQueue implements EnvelopeQueue {

	private final List<QueuedEnvelope> published = new CopyOnWriteArrayList<>();

	private volatile boolean full;

	public List<QueuedEnvelope> published() {
		return this.published;
	}

	public void setFull(boolean full) {
		this.full = full;
	}

	@Override
	public void publish(QueuedEnvelope envelope) {
		if (this.full) {
			throw new QueueFullException("test queue is full");
		}
		this.published.add(envelope);
	}

	@Override
	public EnvelopeConsumer consumer(String group) {
		throw new UnsupportedOperationException("ingest only publishes");
	}

	@Override
	public List<PartitionLag> lag(String group) {
		throw new UnsupportedOperationException("ingest only publishes");
	}

	@Override
	public boolean isHealthy() {
		return !this.full;
	}

	@Override
	public void close() {
	}

}
