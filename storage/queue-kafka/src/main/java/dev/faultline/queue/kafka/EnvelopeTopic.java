package dev.faultline.queue.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jspecify.annotations.Nullable;

/**
 * Makes sure the envelope topic exists, without blocking: the first call starts creating
 * it and later calls share that attempt; a failed attempt (e.g. the cluster was
 * unreachable) is started again by the next call.
 *
 * <p>
 * A topic this class creates gets the configured partitions, a replication factor of
 * {@code min(3, brokers)} with {@code min.insync.replicas} of 2 when there are three
 * replicas (so {@code acks=all} means two copies), and {@code max.message.bytes} large
 * enough for the biggest envelope. An existing topic is used as it is. Thread-safe.
 */
final class EnvelopeTopic {

	private static final int MAX_REPLICATION = 3;

	private final Admin admin;

	private final KafkaQueueSettings settings;

	private @Nullable CompletableFuture<Void> attempt;

	EnvelopeTopic(Admin admin, KafkaQueueSettings settings) {
		this.admin = admin;
		this.settings = settings;
	}

	/** Completes when the topic exists; fails when this attempt could not create it. */
	synchronized CompletableFuture<Void> ensure() {
		CompletableFuture<Void> current = this.attempt;
		if (current == null || current.isCompletedExceptionally()) {
			current = create();
			this.attempt = current;
		}
		return current;
	}

	/** Whether the topic is known to exist; never blocks. */
	synchronized boolean isReady() {
		CompletableFuture<Void> current = this.attempt;
		return current != null && current.isDone() && !current.isCompletedExceptionally();
	}

	private CompletableFuture<Void> create() {
		CompletionStage<Collection<Node>> nodes = this.admin.describeCluster().nodes().toCompletionStage();
		return nodes
			.thenCompose(
					(brokers) -> this.admin.createTopics(List.of(newTopic(brokers.size()))).all().toCompletionStage())
			.handle((created, failure) -> {
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause == null || cause instanceof TopicExistsException) {
					return (Void) null;
				}
				throw new CompletionException(cause);
			})
			.toCompletableFuture();
	}

	private NewTopic newTopic(int brokers) {
		short replication = (short) Math.max(1, Math.min(MAX_REPLICATION, brokers));
		int minInSync = (replication >= MAX_REPLICATION) ? 2 : 1;
		return new NewTopic(this.settings.topic(), this.settings.partitions(), replication)
			.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(this.settings.maxMessageBytes()),
					TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync)));
	}

}
