package dev.faultline.queue.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.EnvelopeTooLargeException;
import dev.faultline.storage.queue.QueueUnavailableException;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.tck.queue.EnvelopeQueueContract;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Kafka queue against the port's contract on a real in-process KRaft broker, plus
 * what only it promises: topic creation with a large message limit, refusal of oversized
 * envelopes, and bounded waiting when the cluster is unreachable.
 */
class KafkaEnvelopeQueueIT extends EnvelopeQueueContract {

	private static final int PARTITIONS = 3;

	private static EmbeddedKafkaKraftBroker broker;

	private int topics;

	private String topic = "unset";

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		// A new group would otherwise wait 3 s for more members before its first
		// assignment.
		broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Override
	protected EnvelopeQueue createQueue() {
		this.topic = "envelopes-" + (++this.topics) + "-" + System.nanoTime();
		return new KafkaEnvelopeQueue(settings(this.topic));
	}

	@Override
	protected EnvelopeQueue reopenQueue() {
		return new KafkaEnvelopeQueue(settings(this.topic));
	}

	@Test
	void createsTheTopicWithTheConfiguredPartitionsAndMessageLimit() {
		queue().publish(envelope(1, "create the topic"));

		Map<String, Object> description = broker.doWithAdminFunction((admin) -> {
			try {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, this.topic);
				ConfigEntry limit = admin.describeConfigs(java.util.List.of(resource))
					.all()
					.get()
					.get(resource)
					.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
				int partitions = admin.describeTopics(java.util.List.of(this.topic))
					.allTopicNames()
					.get()
					.get(this.topic)
					.partitions()
					.size();
				return Map.of("limit", limit.value(), "partitions", partitions);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(description).containsEntry("partitions", PARTITIONS)
			.containsEntry("limit", Integer.toString(KafkaQueueSettings.DEFAULT_MAX_MESSAGE_BYTES));
	}

	@Test
	void refusesEnvelopesAboveTheMessageLimit() {
		QueuedEnvelope tooLarge = new QueuedEnvelope(1, "key", Instant.now(), null, null,
				new byte[KafkaQueueSettings.DEFAULT_MAX_MESSAGE_BYTES + 1]);
		assertThatExceptionOfType(EnvelopeTooLargeException.class).isThrownBy(() -> queue().publish(tooLarge));
	}

	@Test
	void unreachableClusterFailsPublishWithinTheConfiguredBounds() {
		// Port 1 is reserved and closed: nothing ever answers there.
		KafkaQueueSettings unreachable = new KafkaQueueSettings("127.0.0.1:1", "envelopes", 1, Duration.ofSeconds(1),
				Duration.ofMillis(200), KafkaQueueSettings.DEFAULT_MAX_MESSAGE_BYTES,
				KafkaQueueSettings.DEFAULT_MAX_POLL_INTERVAL);
		try (KafkaEnvelopeQueue queue = new KafkaEnvelopeQueue(unreachable)) {
			assertThatExceptionOfType(QueueUnavailableException.class)
				.isThrownBy(() -> queue.publish(envelope(1, "nowhere to go")));
			assertThat(queue.isHealthy()).isFalse();
		}
	}

	private static KafkaQueueSettings settings(String topic) {
		return new KafkaQueueSettings(broker.getBrokersAsString(), topic, PARTITIONS);
	}

}
