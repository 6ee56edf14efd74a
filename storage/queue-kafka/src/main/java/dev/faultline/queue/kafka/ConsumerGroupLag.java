package dev.faultline.queue.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.faultline.storage.queue.PartitionLag;
import dev.faultline.storage.queue.QueueUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads a consumer group's lag on the envelope topic through the admin client: the
 * partitions, their latest and earliest offsets, and the group's committed offsets. A
 * partition the group never committed counts from its earliest retained offset, where the
 * group's consumers start ({@code auto.offset.reset=earliest}). Each call waits at most
 * the given time in all. Thread-safe.
 */
final class ConsumerGroupLag {

	private final Admin admin;

	private final String topic;

	private final long timeoutMillis;

	ConsumerGroupLag(Admin admin, String topic, long timeoutMillis) {
		this.admin = admin;
		this.topic = topic;
		this.timeoutMillis = timeoutMillis;
	}

	List<PartitionLag> read(String group) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		try {
			TopicDescription description = this.admin.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(remaining(deadline), TimeUnit.NANOSECONDS)
				.get(this.topic);
			List<TopicPartition> partitions = description.partitions()
				.stream()
				.map(TopicPartitionInfo::partition)
				.map((partition) -> new TopicPartition(this.topic, partition))
				.toList();
			Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest(), deadline);
			Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest(), deadline);
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(remaining(deadline), TimeUnit.NANOSECONDS);
			List<PartitionLag> lags = new ArrayList<>();
			for (TopicPartition partition : partitions) {
				long end = latest.get(partition).offset();
				OffsetAndMetadata position = committed.get(partition);
				long from = (position != null) ? position.offset() : earliest.get(partition).offset();
				lags.add(new PartitionLag(partition.partition(), end, Math.min(end, from)));
			}
			lags.sort(Comparator.comparingInt(PartitionLag::partition));
			return List.copyOf(lags);
		}
		catch (ExecutionException ex) {
			throw new QueueUnavailableException("reading the lag of group " + group + " on Kafka topic " + this.topic
					+ " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new QueueUnavailableException("reading the lag of group " + group + " on Kafka topic " + this.topic
					+ " took longer than " + this.timeoutMillis + " ms", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueueUnavailableException("interrupted while reading the Kafka lag", ex);
		}
	}

	private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec,
			long deadline) throws ExecutionException, TimeoutException, InterruptedException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		return this.admin.listOffsets(request).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
	}

	private static long remaining(long deadline) {
		return Math.max(1, deadline - System.nanoTime());
	}

}
