package dev.faultline.queue.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaQueueSettingsTest {

	@Test
	void defaultsLeaveRoomForTwentyMebibyteEnvelopes() {
		KafkaQueueSettings settings = new KafkaQueueSettings("localhost:9092", "envelopes", 6);

		assertThat(settings.maxMessageBytes()).isGreaterThan(20 * 1024 * 1024);
		assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void rejectsInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaQueueSettings(" ", "envelopes", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaQueueSettings("h:1", "bad topic", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new KafkaQueueSettings("h:1", "envelopes", 0));
	}

	@Test
	void producerIsDurableAndBoundedInTime() {
		Map<String, Object> config = KafkaEnvelopeQueue
			.producerConfig(new KafkaQueueSettings("localhost:9092", "envelopes", 1));

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000L)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		// The producer refuses configurations whose request timeout does not fit in the
		// delivery timeout; building its config object validates that.
		assertThat(new ProducerConfig(config).getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isLessThan(10_000);
	}

	@Test
	void consumerPollDeadlineIsTheConfiguredMaxPollInterval() {
		KafkaQueueSettings settings = new KafkaQueueSettings("localhost:9092", "envelopes", 1, Duration.ofMinutes(40));

		Map<String, Object> config = KafkaEnvelopeQueue.consumerConfig(settings, "processor", 500);

		assertThat(config).containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2_400_000)
			.containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		assertThat(new KafkaQueueSettings("localhost:9092", "envelopes", 1).maxPollInterval())
			.isEqualTo(Duration.ofMinutes(30));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaQueueSettings("localhost:9092", "envelopes", 1, Duration.ofMillis(10)));
	}

}
