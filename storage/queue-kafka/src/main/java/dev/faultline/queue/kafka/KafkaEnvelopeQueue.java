package dev.faultline.queue.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.EnvelopeTooLargeException;
import dev.faultline.storage.queue.PartitionLag;
import dev.faultline.storage.queue.QueueFullException;
import dev.faultline.storage.queue.QueueUnavailableException;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The distributed {@link EnvelopeQueue}: one Kafka topic, one record per envelope, keyed
 * by project so that a project's envelopes keep their order (see
 * {@link EnvelopeRecordCodec} for the record layout).
 *
 * <ul>
 * <li><b>Durability.</b> The producer uses {@code acks=all} with idempotence;
 * {@link #publish} returns once the in-sync replicas acknowledged the record.</li>
 * <li><b>Bounded waiting.</b> {@link #publish} waits at most
 * {@link KafkaQueueSettings#maxBlock()} for metadata or buffer space plus
 * {@link KafkaQueueSettings#publishTimeout()} for the acknowledgement. A full producer
 * buffer is reported as {@link QueueFullException}; an unreachable or unacknowledging
 * cluster as {@link QueueUnavailableException}; an envelope larger than
 * {@link KafkaQueueSettings#maxMessageBytes()} as {@link EnvelopeTooLargeException}.</li>
 * <li><b>Lazy I/O.</b> Construction never fails because the cluster is down: the topic is
 * created in the background (see {@link EnvelopeTopic}) and again on later use until it
 * succeeds; {@link #isHealthy()} reports the outcome.</li>
 * <li><b>Consumers</b> are members of a Kafka consumer group with manual commits that
 * start at the earliest offset (see {@link KafkaEnvelopeConsumer}). They are owned by the
 * caller and are not closed by {@link #close()}.</li>
 * </ul>
 * Thread-safe.
 */
public class KafkaEnvelopeQueue implements EnvelopeQueue {

	private static final System.Logger LOG = System.getLogger(KafkaEnvelopeQueue.class.getName());

	/** Health probes are cheap but not free; one per interval at most. */
	private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

	/** How long a lag reading may take: it serves health pages and metrics. */
	private static final long LAG_TIMEOUT_MILLIS = 5_000;

	private final KafkaQueueSettings settings;

	private final Producer<byte[], byte[]> producer;

	private final Admin admin;

	private final EnvelopeTopic topic;

	private final ConsumerGroupLag lag;

	private final AtomicBoolean probing = new AtomicBoolean();

	private final AtomicLong lastProbe = new AtomicLong(System.nanoTime() - PROBE_INTERVAL_NANOS);

	private volatile boolean reachable;

	private volatile boolean closed;

	public KafkaEnvelopeQueue(KafkaQueueSettings settings) {
		this.settings = settings;
		this.admin = Admin.create(adminConfig(settings));
		try {
			this.producer = new KafkaProducer<>(producerConfig(settings));
		}
		catch (KafkaException ex) {
			this.admin.close(Duration.ZERO);
			throw ex;
		}
		this.topic = new EnvelopeTopic(this.admin, settings);
		this.lag = new ConsumerGroupLag(this.admin, settings.topic(), LAG_TIMEOUT_MILLIS);
		this.topic.ensure();
		probe();
	}

	@Override
	public void publish(QueuedEnvelope envelope) {
		if (this.closed) {
			throw new QueueUnavailableException("Kafka queue is closed", null);
		}
		awaitTopic();
		try {
			Future<RecordMetadata> sent = this.producer
				.send(EnvelopeRecordCodec.encode(this.settings.topic(), envelope));
			// The producer expires the record after delivery.timeout.ms (=
			// publishTimeout)
			// itself; the margin only covers a producer that fails to do so.
			sent.get(this.settings.publishTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
			this.reachable = true;
		}
		catch (ExecutionException ex) {
			throw failure(envelope, ex.getCause());
		}
		catch (KafkaException ex) {
			throw failure(envelope, ex);
		}
		catch (TimeoutException ex) {
			throw failure(envelope, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueueUnavailableException("interrupted while publishing to Kafka", ex);
		}
	}

	@Override
	public EnvelopeConsumer consumer(String group) {
		if (group.isBlank()) {
			throw new IllegalArgumentException("group must not be blank");
		}
		if (this.closed) {
			throw new QueueUnavailableException("Kafka queue is closed", null);
		}
		// Subscribing to a missing topic would wait for it; start creating it now.
		this.topic.ensure();
		return new KafkaEnvelopeConsumer(this.settings.topic(), group,
				(maxRecords) -> new KafkaConsumer<>(consumerConfig(this.settings, group, maxRecords)));
	}

	/**
	 * Whether the topic exists and the cluster answered lately. Never blocks: it returns
	 * the last known state and, at most every few seconds, starts a background probe.
	 */
	@Override
	public Optional<Duration> pollDeadline() {
		return Optional.of(this.settings.maxPollInterval());
	}

	@Override
	public List<PartitionLag> lag(String group) {
		if (this.closed) {
			throw new QueueUnavailableException("Kafka queue is closed", null);
		}
		return this.lag.read(group);
	}

	@Override
	public boolean isHealthy() {
		if (this.closed) {
			return false;
		}
		probe();
		return this.reachable && this.topic.isReady();
	}

	/** Flushes what is being sent (up to the publish timeout) and closes the clients. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.producer.close(this.settings.publishTimeout());
		}
		finally {
			// Pending admin calls are only topic creation and health probes: safe to
			// abandon.
			this.admin.close(Duration.ZERO);
		}
	}

	private void awaitTopic() {
		try {
			this.topic.ensure().get(this.settings.maxBlock().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			this.reachable = false;
			throw new QueueUnavailableException("Kafka topic " + this.settings.topic() + " is not available",
					ex.getCause());
		}
		catch (TimeoutException ex) {
			this.reachable = false;
			throw new QueueUnavailableException("Kafka topic " + this.settings.topic() + " is not ready yet", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueueUnavailableException("interrupted while waiting for the Kafka topic", ex);
		}
	}

	private RuntimeException failure(QueuedEnvelope envelope, Throwable cause) {
		if (cause instanceof RecordTooLargeException) {
			return new EnvelopeTooLargeException(
					"envelope of project " + envelope.projectId() + " with " + envelope.body().length
							+ " bytes exceeds the Kafka queue's limit of " + this.settings.maxMessageBytes() + " bytes",
					cause);
		}
		if (cause instanceof BufferExhaustedException) {
			return new QueueFullException("Kafka producer buffer is full: " + cause.getMessage());
		}
		this.reachable = false;
		return new QueueUnavailableException("Kafka did not acknowledge an envelope of project " + envelope.projectId()
				+ " in time: " + cause.getMessage(), cause);
	}

	private void probe() {
		long now = System.nanoTime();
		long last = this.lastProbe.get();
		if (now - last < PROBE_INTERVAL_NANOS || !this.lastProbe.compareAndSet(last, now)
				|| !this.probing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
				.nodes()
				.whenComplete((nodes, failure) -> {
					this.reachable = failure == null && !nodes.isEmpty();
					if (failure == null && !this.topic.isReady()) {
						this.topic.ensure();
					}
					this.probing.set(false);
				});
		}
		catch (KafkaException ex) {
			this.probing.set(false);
			LOG.log(Level.DEBUG, "Kafka health probe could not start", ex);
		}
	}

	private static Map<String, Object> adminConfig(KafkaQueueSettings settings) {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "faultline-queue-admin");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return config;
	}

	static Map<String, Object> producerConfig(KafkaQueueSettings settings) {
		int publishTimeoutMs = (int) settings.publishTimeout().toMillis();
		int lingerMs = 5;
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "faultline-queue-producer");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// Envelopes are decompressed JSON; lz4 shrinks them cheaply on the wire and disk.
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxMessageBytes());
		// Bounded memory: room for a few of the largest envelopes in flight; beyond it
		// send() waits max.block.ms and then refuses (QueueFullException).
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 3L * settings.maxMessageBytes());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, publishTimeoutMs);
		// delivery.timeout.ms must cover linger.ms + request.timeout.ms; half leaves room
		// for one retry inside the publish timeout.
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, publishTimeoutMs / 2 - lingerMs));
		return config;
	}

	static Map<String, Object> consumerConfig(KafkaQueueSettings settings, String group, int maxRecords) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "faultline-queue-" + group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
		// A single envelope may be as large as maxMessageBytes; fetches must fit one per
		// partition and a few per request.
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, settings.maxMessageBytes());
		config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(52_428_800, 2 * settings.maxMessageBytes()));
		return config;
	}

}
