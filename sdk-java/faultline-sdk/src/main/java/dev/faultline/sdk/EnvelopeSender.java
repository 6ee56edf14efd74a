package dev.faultline.sdk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One bounded queue drained by one daemon thread, as sentry-java's
 * {@code AsyncHttpTransport}: callers only enqueue; the sender thread serializes,
 * attaches the pending client report, sends, learns rate limits, and on a network failure
 * or a 5xx moves the envelope to the offline cache, which it re-sends after the next
 * success, when idle for {@code cacheRetryInterval}, and on the next start. A cached file
 * is deleted only after the server accepted it, and is never queued twice. Every dropped
 * item is counted with its reason. Thread-safe.
 */
final class EnvelopeSender implements AutoCloseable {

	private final BlockingQueue<Task> queue;

	private final Transport transport;

	private final RateLimiter rateLimiter;

	private final ClientReports reports;

	private final OfflineCache cache;

	private final Clock clock;

	private final SdkLog log;

	private final Duration retryInterval;

	private final Thread worker;

	/** Cached files queued or in flight, so that none is sent twice. */
	private final Set<Path> queuedFiles = ConcurrentHashMap.newKeySet();

	private final Object idle = new Object();

	/** Tasks accepted and not yet finished; guarded by {@link #idle} for waiting. */
	private int pending;

	private volatile boolean cacheMayHaveFiles = true;

	private volatile boolean closed;

	EnvelopeSender(Transport transport, int maxQueueSize, OfflineCache cache, ClientReports reports,
			RateLimiter rateLimiter, Clock clock, Duration retryInterval, SdkLog log) {
		this.queue = new ArrayBlockingQueue<>(maxQueueSize);
		this.transport = transport;
		this.cache = cache;
		this.reports = reports;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
		this.retryInterval = retryInterval;
		this.log = log;
		this.worker = new Thread(this::run, "faultline-sender");
		this.worker.setDaemon(true);
		this.worker.start();
		// What a previous run could not send goes first.
		enqueueCachedFiles();
	}

	/**
	 * Queues an envelope without blocking; drops it (counted) when rate limited, when the
	 * queue is full, or after {@link #close()}.
	 */
	void submit(Envelope envelope) {
		Envelope allowed = this.rateLimiter.filter(envelope);
		if (allowed == null) {
			return;
		}
		if (this.closed || !offer(new Task(allowed, null))) {
			this.reports.record(DiscardReason.QUEUE_OVERFLOW, allowed);
			this.log.debug("queue full, envelope dropped");
		}
	}

	/**
	 * Waits until everything queued so far was handled and a pending client report was
	 * sent.
	 * @return whether that happened within the timeout
	 */
	boolean flush(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		if (!awaitIdle(deadline)) {
			return false;
		}
		if (!this.reports.isEmpty() && !this.closed) {
			offer(new Task(new Envelope("", List.of()), null));
			return awaitIdle(deadline);
		}
		return true;
	}

	/**
	 * Flushes within the timeout, then stops the thread; envelopes still queued go to the
	 * offline cache when there is one.
	 */
	void close(Duration timeout) {
		flush(timeout);
		this.closed = true;
		this.worker.interrupt();
		try {
			this.worker.join(timeout.toMillis() + 1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Task> left = new ArrayList<>();
		this.queue.drainTo(left);
		for (Task task : left) {
			if (task.cachedFile() == null && this.cache != null) {
				this.cache.store(EnvelopeCodec.encode(task.envelope(), this.clock.instant()));
			}
			else if (task.cachedFile() == null) {
				this.reports.record(DiscardReason.QUEUE_OVERFLOW, task.envelope());
			}
		}
		this.transport.close();
	}

	@Override
	public void close() {
		close(Duration.ofSeconds(2));
	}

	private boolean offer(Task task) {
		synchronized (this.idle) {
			if (!this.queue.offer(task)) {
				return false;
			}
			this.pending++;
			return true;
		}
	}

	private boolean awaitIdle(long deadline) {
		synchronized (this.idle) {
			while (this.pending > 0) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					return false;
				}
				try {
					this.idle.wait(remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private void run() {
		while (!this.closed) {
			Task task;
			try {
				task = this.queue.poll(this.retryInterval.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (task == null) {
				enqueueCachedFiles();
				continue;
			}
			try {
				process(task);
			}
			catch (RuntimeException ex) {
				// A bug or a failing serializer must not kill the only sender thread.
				this.log.debug("failed to send an envelope: " + ex);
				this.reports.record(DiscardReason.SEND_ERROR, task.envelope());
			}
			finally {
				if (task.cachedFile() != null) {
					this.queuedFiles.remove(task.cachedFile());
				}
				synchronized (this.idle) {
					this.pending--;
					this.idle.notifyAll();
				}
			}
		}
	}

	private void process(Task task) {
		Envelope envelope = this.rateLimiter.filter(task.envelope());
		if (envelope == null) {
			deleteCached(task);
			return;
		}
		Map<ClientReports.Key, Long> report = this.reports.take();
		if (envelope.items().isEmpty() && report.isEmpty()) {
			return;
		}
		Envelope wire = envelope;
		if (!report.isEmpty()) {
			List<EnvelopeItem> items = new ArrayList<>(envelope.items());
			items.add(this.reports.item(report));
			wire = envelope.withItems(items);
		}
		TransportResponse response;
		try {
			response = this.transport.send(EnvelopeCodec.encode(wire, this.clock.instant()));
		}
		catch (IOException ex) {
			this.reports.restore(report);
			this.log.debug("network error: " + ex);
			keepForLater(task, envelope, DiscardReason.NETWORK_ERROR);
			return;
		}
		this.rateLimiter.update(response);
		if (response.isSuccess()) {
			deleteCached(task);
			if (this.cacheMayHaveFiles) {
				enqueueCachedFiles();
			}
			return;
		}
		this.reports.restore(report);
		this.log.debug("server answered " + response.status());
		if (response.status() == 429) {
			this.reports.record(DiscardReason.RATELIMIT_BACKOFF, envelope);
			deleteCached(task);
		}
		else if (response.status() >= 500) {
			keepForLater(task, envelope, DiscardReason.SEND_ERROR);
		}
		else {
			this.reports.record(DiscardReason.SEND_ERROR, envelope);
			deleteCached(task);
		}
	}

	/** Caches a failed envelope (a cached one just stays), else counts it as lost. */
	private void keepForLater(Task task, Envelope envelope, DiscardReason reasonWithoutCache) {
		if (task.cachedFile() != null || envelope.items().isEmpty()) {
			return;
		}
		if (this.cache != null && this.cache.store(EnvelopeCodec.encode(envelope, this.clock.instant())) != null) {
			this.cacheMayHaveFiles = true;
			return;
		}
		this.reports.record(reasonWithoutCache, envelope);
	}

	private void deleteCached(Task task) {
		if (task.cachedFile() != null) {
			this.cache.delete(task.cachedFile());
		}
	}

	/** Queues cached files not yet queued, oldest first, as far as the queue has room. */
	private void enqueueCachedFiles() {
		if (this.cache == null || this.closed) {
			return;
		}
		List<Path> files = this.cache.files();
		this.cacheMayHaveFiles = !files.isEmpty();
		for (Path file : files) {
			if (this.queue.remainingCapacity() == 0) {
				return;
			}
			if (!this.queuedFiles.add(file)) {
				continue;
			}
			Envelope envelope = this.cache.read(file);
			if (envelope == null || !offer(new Task(envelope, file))) {
				this.queuedFiles.remove(file);
			}
		}
	}

	/**
	 * @param envelope what to send
	 * @param cachedFile the offline-cache file it came from, nullable
	 */
	private record Task(Envelope envelope, Path cachedFile) {

	}

}
