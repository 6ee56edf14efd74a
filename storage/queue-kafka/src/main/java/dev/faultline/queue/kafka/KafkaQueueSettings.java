package dev.faultline.queue.kafka;

/**
 * PLACEHOLDER: replaced by the queue adapter work.
 */
public record KafkaQueueSettings(String bootstrapServers, String topic, int partitions) {

}
