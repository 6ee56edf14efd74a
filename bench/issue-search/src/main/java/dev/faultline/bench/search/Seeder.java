package dev.faultline.bench.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;

/**
 * Seeds one project through the ports, as the processor would: issues through
 * {@link IssueStore#findOrCreate}, 20 % of them then resolved and 10 % ignored, events
 * through {@link EventStore#write} in batches, each event counted against its issue
 * through {@link IssueStore#recordOccurrences} (so times seen, users and last seen are
 * real). Occurrences are recorded on {@code metadataWorkers} threads while the events are
 * written, each worker owning the issues {@code issue % workers}, so no two transactions
 * touch the same issue row; the first batch is recorded alone first, so that every
 * release is known before the workers race to add one.
 */
final class Seeder {

	private final IssueStore issues;

	private final EventStore events;

	private final long projectId;

	private final int metadataWorkers;

	Seeder(IssueStore issues, EventStore events, long projectId, int metadataWorkers) {
		this.issues = issues;
		this.events = events;
		this.projectId = projectId;
		this.metadataWorkers = metadataWorkers;
	}

	void seed(int issueCount, long eventCount, int batchSize, Instant now) throws InterruptedException {
		SeedData data = new SeedData(this.projectId, issueCount, now);
		long start = System.nanoTime();
		long[] issueIds = new long[issueCount];
		for (int issue = 0; issue < issueCount; issue++) {
			issueIds[issue] = this.issues.findOrCreate(data.issue(issue)).orElseThrow().id();
		}
		for (int issue = 0; issue < issueCount; issue++) {
			int bucket = issue % 10;
			if (bucket < 2) {
				this.issues.updateStatus(issueIds[issue], IssueStatus.RESOLVED);
			}
			else if (bucket == 2) {
				this.issues.updateStatus(issueIds[issue], IssueStatus.IGNORED);
			}
		}
		System.out.printf("  %,d issues created and 30 %% resolved/ignored in %.1f s%n", issueCount, seconds(start));

		start = System.nanoTime();
		Workers workers = new Workers(this.metadataWorkers);
		try {
			for (long first = 0; first < eventCount; first += batchSize) {
				int size = (int) Math.min(batchSize, eventCount - first);
				List<StoredEvent> rows = new ArrayList<>(size);
				List<List<EventOccurrence>> partitions = new ArrayList<>();
				for (int k = 0; k < this.metadataWorkers; k++) {
					partitions.add(new ArrayList<>());
				}
				for (long index = first; index < first + size; index++) {
					int issue = data.issueOf(index);
					StoredEvent event = data.event(index, issue, issueIds[issue]);
					rows.add(event);
					partitions.get(issue % this.metadataWorkers).add(occurrence(event));
				}
				if (first == 0) {
					partitions.forEach(this.issues::recordOccurrences);
				}
				else {
					for (int k = 0; k < this.metadataWorkers; k++) {
						workers.submit(k, partitions.get(k));
					}
				}
				this.events.write(rows);
				if ((first / batchSize) % 20 == 19) {
					System.out.printf("    %,d events written after %.0f s%n", first + size, seconds(start));
				}
			}
			System.out.printf("  %,d events written in %.1f s (%,.0f/s)%n", eventCount, seconds(start),
					eventCount / seconds(start));
			workers.finish();
		}
		finally {
			workers.close();
		}
		System.out.printf("  and counted against their issues (recordOccurrences, %d threads) after %.1f s%n",
				this.metadataWorkers, seconds(start));
	}

	private static EventOccurrence occurrence(StoredEvent event) {
		String userKey = (event.user() != null) ? "id:" + event.user().id() : null;
		return new EventOccurrence(event.issueId(), event.projectId(), event.eventId(), event.timestamp(),
				event.level(), userKey, event.primaryHash(), event.release());
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/**
	 * One single-threaded executor per partition, at most two batches queued each, the
	 * first failure kept and rethrown.
	 */
	private final class Workers implements AutoCloseable {

		private final List<ExecutorService> executors = new ArrayList<>();

		private final List<Semaphore> slots = new ArrayList<>();

		private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

		Workers(int count) {
			for (int k = 0; k < count; k++) {
				this.executors.add(Executors.newSingleThreadExecutor());
				this.slots.add(new Semaphore(2));
			}
		}

		void submit(int worker, List<EventOccurrence> occurrences) throws InterruptedException {
			rethrow();
			Semaphore slot = this.slots.get(worker);
			slot.acquire();
			this.executors.get(worker).execute(() -> {
				try {
					Seeder.this.issues.recordOccurrences(occurrences);
				}
				catch (RuntimeException ex) {
					this.failure.compareAndSet(null, ex);
				}
				finally {
					slot.release();
				}
			});
		}

		void finish() throws InterruptedException {
			for (ExecutorService executor : this.executors) {
				executor.shutdown();
			}
			for (ExecutorService executor : this.executors) {
				executor.awaitTermination(1, TimeUnit.HOURS);
			}
			rethrow();
		}

		private void rethrow() {
			RuntimeException ex = this.failure.get();
			if (ex != null) {
				throw ex;
			}
		}

		@Override
		public void close() {
			this.executors.forEach(ExecutorService::shutdownNow);
		}

	}

}
