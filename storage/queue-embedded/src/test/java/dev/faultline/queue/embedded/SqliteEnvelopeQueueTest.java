package dev.faultline.queue.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueueFullException;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.tck.queue.EnvelopeQueueContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The embedded queue against the port's contract on a real SQLite file, plus what only it
 * promises: bounded backlog, retention, group commit, one consumer per group and one
 * process per file.
 */
class SqliteEnvelopeQueueTest extends EnvelopeQueueContract {

	@TempDir
	Path directory;

	private int files;

	private Path file = Path.of("unset");

	@Override
	protected EnvelopeQueue createQueue() {
		this.file = this.directory.resolve("queue-" + (++this.files) + ".db");
		return new SqliteEnvelopeQueue(this.file, 100_000);
	}

	@Override
	protected EnvelopeQueue reopenQueue() {
		return new SqliteEnvelopeQueue(this.file, 100_000);
	}

	@Test
	void refusesPublishingAtCapacityUntilRetentionFreesRoom() {
		try (SqliteEnvelopeQueue small = new SqliteEnvelopeQueue(this.directory.resolve("small.db"), 3)) {
			EnvelopeConsumer consumer = small.consumer("processor");
			for (int i = 0; i < 3; i++) {
				small.publish(envelope(1, "e" + i));
			}
			assertThatExceptionOfType(QueueFullException.class).isThrownBy(() -> small.publish(envelope(1, "over")));

			assertThat(pollExactly(consumer, 3)).hasSize(3);
			assertThatExceptionOfType(QueueFullException.class).as("polled but uncommitted envelopes still count")
				.isThrownBy(() -> small.publish(envelope(1, "over")));
			consumer.commit();

			assertThat(small.backlog()).isZero();
			small.publish(envelope(1, "room again"));
			assertThat(pollExactly(consumer, 1)).extracting(this::text).containsExactly("room again");
		}
	}

	@Test
	void backlogIsCountedFromTheFileAfterReopening() {
		Path path = this.directory.resolve("reopened.db");
		try (SqliteEnvelopeQueue first = new SqliteEnvelopeQueue(path, 2)) {
			first.publish(envelope(1, "a"));
			first.publish(envelope(1, "b"));
		}
		try (SqliteEnvelopeQueue second = new SqliteEnvelopeQueue(path, 2)) {
			assertThat(second.backlog()).isEqualTo(2);
			assertThatExceptionOfType(QueueFullException.class).isThrownBy(() -> second.publish(envelope(1, "c")));
		}
	}

	@Test
	void retentionKeepsWhatTheSlowestGroupHasNotCommitted() {
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.directory.resolve("groups.db"), 100)) {
			EnvelopeConsumer fast = queue.consumer("fast");
			EnvelopeConsumer slow = queue.consumer("slow");
			queue.publish(envelope(1, "a"));
			queue.publish(envelope(1, "b"));

			assertThat(pollExactly(fast, 2)).hasSize(2);
			fast.commit();
			assertThat(queue.backlog()).isEqualTo(2);

			assertThat(pollExactly(slow, 1 + 1)).hasSize(2);
			slow.commit();
			assertThat(queue.backlog()).isZero();
		}
	}

	@Test
	void positionsKeepGrowingAfterRetentionEmptiedTheFile() {
		Path path = this.directory.resolve("ids.db");
		String firstPosition;
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(path, 100)) {
			EnvelopeConsumer consumer = queue.consumer("processor");
			queue.publish(envelope(1, "a"));
			queue.publish(envelope(1, "b"));
			List<QueueRecord> records = pollExactly(consumer, 2);
			firstPosition = records.get(1).position();
			consumer.commit();
			assertThat(queue.backlog()).isZero();
		}
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(path, 100)) {
			queue.publish(envelope(1, "c"));
			List<QueueRecord> records = pollExactly(queue.consumer("processor"), 1);
			assertThat(text(records.get(0))).isEqualTo("c");
			assertThat(Long.parseLong(records.get(0).position())).isGreaterThan(Long.parseLong(firstPosition));
		}
	}

	@Test
	void concurrentPublishesShareOneTransaction() throws Exception {
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.directory.resolve("group-commit.db"), 1000)) {
			GroupCommitWriter writer = queue.writer();
			CountDownLatch release = new CountDownLatch(1);
			// Occupy the writer so that the publishes below pile up behind it.
			CompletableFuture<Long> blocker = writer.submit(0, (connection) -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return 0L;
			});
			await().atMost(PATIENCE).until(() -> writer.waiting() == 0);
			long before = writer.transactions();
			int publishers = 16;
			List<CompletableFuture<Void>> publishes = new ArrayList<>();
			for (int i = 0; i < publishers; i++) {
				int project = i;
				publishes.add(CompletableFuture.runAsync(() -> queue.publish(envelope(project, "p" + project)),
						(task) -> new Thread(task).start()));
			}
			await().atMost(PATIENCE).until(() -> writer.waiting() == publishers);
			assertThat(publishes).noneMatch(CompletableFuture::isDone);

			release.countDown();
			blocker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))
				.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

			assertThat(writer.transactions() - before).as("the blocker's transaction plus one for all publishes")
				.isEqualTo(2);
			assertThat(pollExactly(queue.consumer("processor"), publishers)).hasSize(publishers);
		}
	}

	@Test
	void servesOneOpenConsumerPerGroup() {
		EnvelopeConsumer first = consumer("processor");
		assertThatIllegalStateException().isThrownBy(() -> queue().consumer("processor"));
		close(first);
		consumer("processor");
	}

	@Test
	void oneQueuePerFile() {
		assertThatIllegalStateException().isThrownBy(() -> new SqliteEnvelopeQueue(this.file, 10));
	}

	@Test
	void unhealthyAfterClose() {
		SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.directory.resolve("closing.db"), 10);
		assertThat(queue.isHealthy()).isTrue();
		queue.close();
		assertThat(queue.isHealthy()).isFalse();
	}

	private String text(QueueRecord record) {
		return new String(record.envelope().body(), StandardCharsets.UTF_8);
	}

}
