package dev.faultline.queue.kafka;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * PLACEHOLDER: replaced by the queue adapter work.
 */
public class KafkaEnvelopeQueue implements EnvelopeQueue {

	public KafkaEnvelopeQueue(KafkaQueueSettings settings) {
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
