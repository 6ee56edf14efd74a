package dev.faultline.storage.tck.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.PartitionLag;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The behaviour every {@link EnvelopeQueue} adapter must show, specified once.
 *
 * <p>
 * A subclass supplies a fresh, empty queue per test ({@link #createQueue()}) and a way to
 * open the same underlying storage again after it was closed ({@link #reopenQueue()}),
 * which stands in for a process restart. Each test starts with a queue of its own, so
 * tests never see each other's records.
 *
 * <p>
 * A group created after records were published still receives them (it starts at the
 * earliest record). What happens to records that every group opened so far has committed
 * is left to the adapter's retention, so the suite never relies on them.
 *
 * <p>
 * Waits use Awaitility with generous upper bounds that only guard against hangs; nothing
 * here measures speed.
 */
public abstract class EnvelopeQueueContract {

	/**
	 * Upper bound for anything asynchronous; a guard against hangs, not a speed target.
	 */
	protected static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Duration POLL_WAIT = Duration.ofMillis(500);

	private @Nullable EnvelopeQueue queue;

	private final List<EnvelopeConsumer> consumers = new ArrayList<>();

	/**
	 * Opens a new, empty queue whose storage no other test uses. Called once before each
	 * test.
	 */
	protected abstract EnvelopeQueue createQueue() throws Exception;

	/**
	 * Opens the storage of the queue last returned by {@link #createQueue()} again.
	 * Called only after that queue was closed.
	 */
	protected abstract EnvelopeQueue reopenQueue() throws Exception;

	@BeforeEach
	void openQueue() throws Exception {
		this.queue = createQueue();
	}

	@AfterEach
	void closeQueue() {
		this.consumers.forEach(EnvelopeConsumer::close);
		this.consumers.clear();
		if (this.queue != null) {
			this.queue.close();
			this.queue = null;
		}
	}

	/** The queue under test. */
	protected final EnvelopeQueue queue() {
		EnvelopeQueue current = this.queue;
		if (current == null) {
			throw new IllegalStateException("no open queue");
		}
		return current;
	}

	/** Closes the queue under test (and its consumers) and opens its storage again. */
	protected final EnvelopeQueue reopen() throws Exception {
		closeQueue();
		this.queue = reopenQueue();
		return this.queue;
	}

	/** Opens a consumer that is closed after the test. */
	protected final EnvelopeConsumer consumer(String group) {
		EnvelopeConsumer consumer = queue().consumer(group);
		this.consumers.add(consumer);
		return consumer;
	}

	/** Closes a consumer before the end of the test. */
	protected final void close(EnvelopeConsumer consumer) {
		this.consumers.remove(consumer);
		consumer.close();
	}

	@Test
	void publishedEnvelopeIsPolledWithSameBytesAndMetadata() {
		QueuedEnvelope full = new QueuedEnvelope(42, "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
				Instant.parse("2024-05-06T07:08:09.123456789Z"), "2001:db8::1", "sentry.javascript.browser/8.0.0",
				"{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n{\"type\":\"event\"}\n{}\n"
					.getBytes(StandardCharsets.UTF_8));
		QueuedEnvelope sparse = new QueuedEnvelope(43, "k", Instant.ofEpochSecond(0), null, null, new byte[0]);
		QueuedEnvelope binary = new QueuedEnvelope(44, "k2", Instant.parse("2030-01-01T00:00:00Z"), "10.0.0.1",
				"ua ü ✓", randomBytes(4096, 7));
		queue().publish(full);
		queue().publish(sparse);
		queue().publish(binary);

		List<QueueRecord> records = pollExactly(consumer("processor"), 3);

		Map<Long, QueuedEnvelope> byProject = records.stream()
			.map(QueueRecord::envelope)
			.collect(Collectors.toMap(QueuedEnvelope::projectId, (envelope) -> envelope));
		assertSameEnvelope(byProject.get(42L), full);
		assertSameEnvelope(byProject.get(43L), sparse);
		assertSameEnvelope(byProject.get(44L), binary);
		assertThat(records).extracting(QueueRecord::position).doesNotHaveDuplicates().allSatisfy((position) -> {
			assertThat(position).isNotBlank();
		});
	}

	@Test
	void preservesPublishOrderPerProject() {
		int perProject = 40;
		for (int i = 0; i < perProject; i++) {
			for (long project = 1; project <= 3; project++) {
				queue().publish(envelope(project, "seq-" + i));
			}
		}

		List<QueueRecord> records = pollExactly(consumer("processor"), 3 * perProject);

		Map<Long, List<String>> bodiesByProject = records.stream()
			.map(QueueRecord::envelope)
			.collect(Collectors.groupingBy(QueuedEnvelope::projectId,
					Collectors.mapping(EnvelopeQueueContract::text, Collectors.toList())));
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < perProject; i++) {
			expected.add("seq-" + i);
		}
		assertThat(bodiesByProject).containsOnlyKeys(1L, 2L, 3L);
		bodiesByProject.values().forEach((bodies) -> assertThat(bodies).containsExactlyElementsOf(expected));
	}

	@Test
	void pollReturnsAtMostMaxRecords() {
		for (int i = 0; i < 5; i++) {
			queue().publish(envelope(1, "r" + i));
		}
		EnvelopeConsumer consumer = consumer("processor");
		List<QueueRecord> seen = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			List<QueueRecord> batch = consumer.poll(2, POLL_WAIT);
			assertThat(batch).hasSizeLessThanOrEqualTo(2);
			seen.addAll(batch);
			return seen.size() >= 5;
		});
		assertThat(seen).extracting(EnvelopeQueueContract::text).containsExactly("r0", "r1", "r2", "r3", "r4");
	}

	@Test
	void committedRecordsAreNotDeliveredAgainToTheGroup() {
		publishAll(1, "a", "b", "c");
		EnvelopeConsumer first = consumer("processor");
		assertThat(pollExactly(first, 3)).extracting(EnvelopeQueueContract::text).containsExactly("a", "b", "c");
		first.commit();
		close(first);

		publishAll(1, "d");
		EnvelopeConsumer second = consumer("processor");
		assertThat(pollExactly(second, 1)).extracting(EnvelopeQueueContract::text).containsExactly("d");
		assertNothingMore(second);
	}

	@Test
	void uncommittedRecordsAreRedeliveredToTheNextConsumerOfTheGroup() {
		publishAll(1, "a", "b", "c", "d");
		EnvelopeConsumer first = consumer("processor");
		List<QueueRecord> firstTwo = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			firstTwo.addAll(first.poll(2 - firstTwo.size(), POLL_WAIT));
			return firstTwo.size() == 2;
		});
		first.commit();
		List<QueueRecord> uncommitted = pollExactly(first, 2);
		assertThat(uncommitted).extracting(EnvelopeQueueContract::text).containsExactly("c", "d");
		close(first);

		EnvelopeConsumer second = consumer("processor");
		List<QueueRecord> redelivered = pollExactly(second, 2);
		assertThat(redelivered).extracting(EnvelopeQueueContract::text).containsExactly("c", "d");
		assertThat(redelivered).extracting(QueueRecord::position)
			.containsExactlyElementsOf(uncommitted.stream().map(QueueRecord::position).toList());
		assertNothingMore(second);
	}

	@Test
	void everyGroupSeesEveryRecord() {
		publishAll(1, "a", "b");
		publishAll(2, "c");
		EnvelopeConsumer processor = consumer("processor");
		EnvelopeConsumer archiver = consumer("archiver");

		List<QueueRecord> processed = pollExactly(processor, 3);
		processor.commit();
		List<QueueRecord> archived = pollExactly(archiver, 3);

		assertThat(processed).extracting(EnvelopeQueueContract::text).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(archived).extracting(EnvelopeQueueContract::text).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void lagCountsWhatTheGroupHasNotCommitted() {
		publishAll(1, "a", "b", "c");
		publishAll(2, "d", "e");
		assertThat(totalLag("processor")).as("a group that never read is behind by every record").isEqualTo(5);

		consumer("archiver");
		EnvelopeConsumer consumer = consumer("processor");
		List<QueueRecord> firstThree = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			firstThree.addAll(consumer.poll(3 - firstThree.size(), POLL_WAIT));
			return firstThree.size() == 3;
		});
		assertThat(totalLag("processor")).as("polled but not committed still counts").isEqualTo(5);
		consumer.commit();
		assertThat(totalLag("processor")).isEqualTo(2);
		assertThat(totalLag("archiver")).as("each opened group has its own lag").isEqualTo(5);

		pollExactly(consumer, 2);
		consumer.commit();
		assertThat(totalLag("processor")).isZero();
		publishAll(1, "f");
		assertThat(totalLag("processor")).isEqualTo(1);

		List<PartitionLag> partitions = queue().lag("processor");
		assertThat(partitions).isNotEmpty();
		assertThat(partitions).extracting(PartitionLag::partition).isSorted().doesNotHaveDuplicates();
		assertThat(partitions)
			.allSatisfy((partition) -> assertThat(partition.committedOffset()).isBetween(0L, partition.endOffset()));
	}

	@Test
	void groupCreatedAfterPublishingStartsFromTheEarliestRecord() {
		EnvelopeConsumer early = consumer("early");
		publishAll(1, "a", "b");
		assertThat(pollExactly(early, 2)).extracting(EnvelopeQueueContract::text).containsExactly("a", "b");

		EnvelopeConsumer late = consumer("late");
		assertThat(pollExactly(late, 2)).extracting(EnvelopeQueueContract::text).containsExactly("a", "b");
	}

	@Test
	void recordsAndCommittedPositionsSurviveCloseAndReopen() throws Exception {
		// a second group that has not read anything keeps every record retained
		consumer("audit");
		publishAll(1, "a", "b");
		EnvelopeConsumer consumer = consumer("processor");
		assertThat(pollExactly(consumer, 2)).extracting(EnvelopeQueueContract::text).containsExactly("a", "b");
		consumer.commit();
		QueuedEnvelope large = new QueuedEnvelope(1, "key", Instant.parse("2024-01-01T00:00:00.5Z"), "192.0.2.1", "ua",
				randomBytes(100_000, 3));
		queue().publish(envelope(1, "c"));
		queue().publish(large);

		reopen();

		EnvelopeConsumer afterRestart = consumer("processor");
		List<QueueRecord> records = pollExactly(afterRestart, 2);
		assertThat(text(records.get(0))).isEqualTo("c");
		assertSameEnvelope(records.get(1).envelope(), large);
		assertNothingMore(afterRestart);
		EnvelopeConsumer audit = consumer("audit");
		assertThat(pollExactly(audit, 4)).hasSize(4);
	}

	@Test
	void concurrentPublishersLandExactlyOnce() throws Exception {
		int threads = 8;
		int perThread = 50;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						queue().publish(envelope(thread, thread + "/" + i));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}

		EnvelopeConsumer consumer = consumer("processor");
		List<QueueRecord> records = pollExactly(consumer, threads * perThread);
		assertNothingMore(consumer);

		Set<String> expected = new HashSet<>();
		for (int t = 0; t < threads; t++) {
			for (int i = 0; i < perThread; i++) {
				expected.add(t + "/" + i);
			}
		}
		assertThat(records).extracting(EnvelopeQueueContract::text).doesNotHaveDuplicates();
		assertThat(records).extracting(EnvelopeQueueContract::text).containsExactlyInAnyOrderElementsOf(expected);
		Map<Long, List<String>> perPublisher = records.stream()
			.map(QueueRecord::envelope)
			.collect(Collectors.groupingBy(QueuedEnvelope::projectId,
					Collectors.mapping(EnvelopeQueueContract::text, Collectors.toList())));
		perPublisher.forEach((thread, bodies) -> assertThat(bodies).as("one publisher's records keep its order")
			.isSortedAccordingTo((x, y) -> Integer.compare(sequence(x), sequence(y))));
	}

	@Test
	void pollWithNothingToReadReturnsEmptyAfterTheTimeout() {
		EnvelopeConsumer consumer = consumer("processor");
		List<QueueRecord> records = assertTimeoutPreemptively(PATIENCE,
				() -> consumer.poll(10, Duration.ofMillis(300)));
		assertThat(records).isEmpty();
	}

	@Test
	void largeBodiesRoundTrip() {
		byte[] body = randomBytes(5 * 1024 * 1024, 11);
		QueuedEnvelope large = new QueuedEnvelope(7, "key", Instant.parse("2024-02-03T04:05:06Z"), null, null, body);
		queue().publish(large);
		queue().publish(envelope(7, "after"));

		List<QueueRecord> records = pollExactly(consumer("processor"), 2);

		assertSameEnvelope(records.get(0).envelope(), large);
		assertThat(text(records.get(1))).isEqualTo("after");
	}

	@Test
	void isHealthyWhileOpen() {
		await().atMost(PATIENCE).until(() -> queue().isHealthy());
	}

	/** Polls until exactly {@code count} records arrived, failing on a hang. */
	protected static List<QueueRecord> pollExactly(EnvelopeConsumer consumer, int count) {
		List<QueueRecord> records = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			records.addAll(consumer.poll(Math.min(500, count), POLL_WAIT));
			return records.size() >= count;
		});
		assertThat(records).hasSize(count);
		return records;
	}

	/** Asserts that one more poll finds nothing. */
	protected static void assertNothingMore(EnvelopeConsumer consumer) {
		assertThat(consumer.poll(10, POLL_WAIT)).extracting(EnvelopeQueueContract::text).isEmpty();
	}

	/** An envelope of the given project whose body is the given text. */
	protected static QueuedEnvelope envelope(long projectId, String body) {
		return new QueuedEnvelope(projectId, "public-key-" + projectId, Instant.parse("2024-01-01T00:00:00Z"),
				"127.0.0.1", "faultline-tck", body.getBytes(StandardCharsets.UTF_8));
	}

	/** Deterministic pseudo-random bytes. */
	protected static byte[] randomBytes(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private long totalLag(String group) {
		return queue().lag(group).stream().mapToLong(PartitionLag::lag).sum();
	}

	private void publishAll(long projectId, String... bodies) {
		for (String body : bodies) {
			queue().publish(envelope(projectId, body));
		}
	}

	private static String text(QueueRecord record) {
		return text(record.envelope());
	}

	private static String text(QueuedEnvelope envelope) {
		return new String(envelope.body(), StandardCharsets.UTF_8);
	}

	private static int sequence(String body) {
		return Integer.parseInt(body.substring(body.indexOf('/') + 1));
	}

	private static void assertSameEnvelope(@Nullable QueuedEnvelope actual, QueuedEnvelope expected) {
		assertThat(actual).isNotNull();
		assertThat(actual.projectId()).isEqualTo(expected.projectId());
		assertThat(actual.publicKey()).isEqualTo(expected.publicKey());
		assertThat(actual.receivedAt()).isEqualTo(expected.receivedAt());
		assertThat(actual.clientIp()).isEqualTo(expected.clientIp());
		assertThat(actual.userAgent()).isEqualTo(expected.userAgent());
		assertThat(Arrays.equals(actual.body(), expected.body())).as("body is byte-exact").isTrue();
	}

}
