package dev.faultline.boot;

import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.queue.kafka.KafkaEnvelopeQueue;
import dev.faultline.queue.kafka.KafkaQueueSettings;
import dev.faultline.storage.queue.EnvelopeQueue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link EnvelopeQueue} port: Kafka or the embedded SQLite queue.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaultlineProperties.class)
public class QueueConfiguration {

	@Bean(destroyMethod = "close")
	EnvelopeQueue envelopeQueue(FaultlineProperties properties) {
		FaultlineProperties.Queue queue = properties.queue();
		if ("kafka".equals(queue.type())) {
			FaultlineProperties.Kafka kafka = queue.kafka();
			return new KafkaEnvelopeQueue(new KafkaQueueSettings(kafka.bootstrapServers(), kafka.topic(),
					kafka.partitions(), kafka.maxPollInterval()));
		}
		return new SqliteEnvelopeQueue(DataDirectory.prepare(properties).resolve("queue.db"), queue.maxBacklog());
	}

}
