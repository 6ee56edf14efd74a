package dev.faultline.queue.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueueUnavailableException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jspecify.annotations.Nullable;

/**
 * One member of a Kafka consumer group reading the envelope topic.
 *
 * <p>
 * The Kafka client is created on the first {@link #poll}, with {@code max.poll.records}
 * taken from that poll. Records fetched beyond what a poll may return wait in a local
 * buffer. {@link #commit()} commits, per partition, the offset after the last record
 * <em>returned</em> (never merely fetched). When the group moves partitions away from
 * this member, its uncommitted and buffered records of those partitions are dropped: the
 * next owner receives them again from the last committed offset (at-least-once).
 *
 * <p>
 * A record on the topic that is not an envelope (written by another tool) is logged with
 * its position and skipped, so it cannot wedge the group.
 *
 * <p>
 * Not thread-safe: one thread polls, commits and closes, as the Kafka client requires.
 */
final class KafkaEnvelopeConsumer implements EnvelopeConsumer {

	private static final System.Logger LOG = System.getLogger(KafkaEnvelopeConsumer.class.getName());

	private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final String topic;

	private final String group;

	private final IntFunction<Consumer<byte[], byte[]>> clientFactory;

	private @Nullable Consumer<byte[], byte[]> client;

	private final Deque<ConsumerRecord<byte[], byte[]>> buffered = new ArrayDeque<>();

	private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

	private boolean closed;

	/**
	 * @param clientFactory creates the Kafka consumer for a {@code max.poll.records}
	 */
	KafkaEnvelopeConsumer(String topic, String group, IntFunction<Consumer<byte[], byte[]>> clientFactory) {
		this.topic = topic;
		this.group = group;
		this.clientFactory = clientFactory;
	}

	@Override
	public List<QueueRecord> poll(int maxRecords, Duration timeout) {
		if (maxRecords < 1) {
			throw new IllegalArgumentException("maxRecords must be positive, was " + maxRecords);
		}
		ensureOpen();
		try {
			if (this.buffered.isEmpty()) {
				client(maxRecords).poll(timeout).forEach(this.buffered::add);
			}
		}
		catch (KafkaException ex) {
			throw new QueueUnavailableException("polling Kafka topic " + this.topic + " failed", ex);
		}
		List<QueueRecord> records = new ArrayList<>(Math.min(maxRecords, this.buffered.size()));
		while (records.size() < maxRecords && !this.buffered.isEmpty()) {
			ConsumerRecord<byte[], byte[]> record = this.buffered.poll();
			TopicPartition partition = new TopicPartition(record.topic(), record.partition());
			this.uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
			String position = partition + "@" + record.offset();
			try {
				records.add(new QueueRecord(position, EnvelopeRecordCodec.decode(record)));
			}
			catch (EnvelopeRecordCodec.MalformedRecordException ex) {
				LOG.log(Level.WARNING, "skipping record {0} of group {1}: {2}", position, this.group, ex.getMessage());
			}
		}
		return records;
	}

	@Override
	public void commit() {
		ensureOpen();
		Consumer<byte[], byte[]> current = this.client;
		if (current == null || this.uncommitted.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(this.uncommitted);
		offsets.keySet().retainAll(current.assignment());
		this.uncommitted.clear();
		if (offsets.isEmpty()) {
			return;
		}
		try {
			current.commitSync(offsets, COMMIT_TIMEOUT);
		}
		catch (CommitFailedException | RebalanceInProgressException ex) {
			// The partitions moved to another member, which receives these records again.
			LOG.log(Level.INFO, "group {0} rebalanced before commit; records will be redelivered", this.group);
		}
		catch (KafkaException ex) {
			throw new QueueUnavailableException("committing group " + this.group + " to Kafka failed", ex);
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.buffered.clear();
		this.uncommitted.clear();
		Consumer<byte[], byte[]> current = this.client;
		if (current != null) {
			this.client = null;
			try {
				current.close(CloseOptions.timeout(CLOSE_TIMEOUT));
			}
			catch (KafkaException ex) {
				LOG.log(Level.WARNING, "closing Kafka consumer of group " + this.group + " failed", ex);
			}
		}
	}

	private Consumer<byte[], byte[]> client(int maxRecords) {
		Consumer<byte[], byte[]> current = this.client;
		if (current == null) {
			current = this.clientFactory.apply(maxRecords);
			current.subscribe(Set.of(this.topic), new DropOnRevoke());
			this.client = current;
		}
		return current;
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("consumer of group " + this.group + " is closed");
		}
	}

	/**
	 * Forgets what this member can no longer commit: the new owner starts from the
	 * group's offset.
	 */
	private final class DropOnRevoke implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			drop(partitions);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			drop(partitions);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			// Reading starts at the group's committed offset, or the earliest without
			// one.
		}

		private void drop(Collection<TopicPartition> partitions) {
			KafkaEnvelopeConsumer.this.uncommitted.keySet().removeAll(partitions);
			KafkaEnvelopeConsumer.this.buffered
				.removeIf((record) -> partitions.contains(new TopicPartition(record.topic(), record.partition())));
		}

	}

}
