package dev.faultline.boot.system;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.faultline.boot.system.SystemReading.Disk;
import dev.faultline.boot.system.SystemReading.QueueLag;
import dev.faultline.boot.system.SystemReading.StoreCheck;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.PartitionLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the system's state every interval on a daemon thread — the processor group's
 * queue lag, each store's health check with its answer time, the data directory's free
 * space — and keeps the latest {@link SystemReading}, so that a status page or a metrics
 * scrape never waits on a broker or a database. Publishes the reading as gauges:
 * {@code faultline.queue.lag{group}},
 * {@code faultline.queue.lag.partition{group,partition}},
 * {@code faultline.store.healthy{store}}, {@code faultline.store.latency{store}} (ms),
 * {@code faultline.disk.free} and {@code faultline.disk.total} (bytes). A failed reading
 * is kept with its reason; the next one tries again. Thread-safe.
 */
public final class SystemProbe implements AutoCloseable {

	/** Metric names, shared with the Grafana dashboard in {@code deploy/grafana/}. */
	public static final String QUEUE_LAG = "faultline.queue.lag";

	private static final Logger logger = LoggerFactory.getLogger(SystemProbe.class);

	private final EnvelopeQueue queue;

	private final String group;

	private final Map<String, BooleanSupplier> stores;

	private final @Nullable Path dataDir;

	private final long minFreeBytes;

	private final Clock clock;

	private final MultiGauge partitionLag;

	private final ScheduledExecutorService schedule;

	private volatile SystemReading latest;

	/**
	 * @param group the consumer group whose lag is read (the processor's)
	 * @param stores each store's health check by role name (read in name order)
	 * @param dataDir the data directory, or null when this process keeps none
	 * @param interval how often a reading is taken; the first is taken at once
	 */
	public SystemProbe(EnvelopeQueue queue, String group, Map<String, BooleanSupplier> stores, @Nullable Path dataDir,
			long minFreeBytes, MeterRegistry meters, Duration interval, Clock clock) {
		this.queue = queue;
		this.group = group;
		this.stores = Map.copyOf(stores);
		this.dataDir = dataDir;
		this.minFreeBytes = minFreeBytes;
		this.clock = clock;
		this.latest = new SystemReading(clock.instant(), new QueueLag(group, List.of(), "not read yet"), List.of(),
				null);
		this.partitionLag = MultiGauge.builder(QUEUE_LAG + ".partition")
			.description("Envelopes published to a queue partition that the group has not committed")
			.register(meters);
		Gauge.builder(QUEUE_LAG, this, (probe) -> probe.latest.queue().total())
			.description("Envelopes published that the processor group has not committed")
			.tag("group", group)
			.register(meters);
		for (String store : stores.keySet()) {
			Gauge.builder("faultline.store.healthy", this, (probe) -> probe.check(store).healthy() ? 1 : 0)
				.description("1 when the store answered its last health check")
				.tag("store", store)
				.register(meters);
			Gauge.builder("faultline.store.latency", this, (probe) -> probe.check(store).latencyMillis())
				.description("How long the store's last health check took")
				.tag("store", store)
				.baseUnit("milliseconds")
				.register(meters);
		}
		if (dataDir != null) {
			Gauge.builder("faultline.disk.free", this, (probe) -> diskValue(probe.latest.disk(), true))
				.description("Usable space left on the data directory's file system")
				.baseUnit("bytes")
				.register(meters);
			Gauge.builder("faultline.disk.total", this, (probe) -> diskValue(probe.latest.disk(), false))
				.description("Size of the data directory's file system")
				.baseUnit("bytes")
				.register(meters);
		}
		this.schedule = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "system-probe");
			thread.setDaemon(true);
			return thread;
		});
		this.schedule.scheduleWithFixedDelay(this::readQuietly, 0, Math.max(1, interval.toMillis()),
				TimeUnit.MILLISECONDS);
	}

	/** The newest reading; never blocks. */
	public SystemReading latest() {
		return this.latest;
	}

	/** Takes a reading now, on the caller's thread, and keeps it as the latest. */
	public SystemReading read() {
		QueueLag lag = readLag();
		List<StoreCheck> checks = new ArrayList<>();
		this.stores.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((store) -> checks.add(check(store.getKey(), store.getValue())));
		SystemReading reading = new SystemReading(this.clock.instant(), lag, List.copyOf(checks), readDisk());
		this.latest = reading;
		this.partitionLag.register(lag.partitions()
			.stream()
			.map((partition) -> MultiGauge.Row.of(
					Tags.of("group", this.group, "partition", Integer.toString(partition.partition())),
					partition.lag()))
			.toList(), true);
		return reading;
	}

	@Override
	public void close() {
		this.schedule.shutdownNow();
	}

	private void readQuietly() {
		try {
			read();
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the system's state failed; trying again at the next interval", ex);
		}
	}

	private QueueLag readLag() {
		try {
			List<PartitionLag> partitions = this.queue.lag(this.group);
			return new QueueLag(this.group, partitions, null);
		}
		catch (RuntimeException ex) {
			return new QueueLag(this.group, List.of(), ex.getMessage());
		}
	}

	private static StoreCheck check(String name, BooleanSupplier healthCheck) {
		long start = System.nanoTime();
		boolean healthy;
		try {
			healthy = healthCheck.getAsBoolean();
		}
		catch (RuntimeException ex) {
			healthy = false;
		}
		return new StoreCheck(name, healthy, (System.nanoTime() - start) / 1_000_000.0);
	}

	private StoreCheck check(String name) {
		return this.latest.stores()
			.stream()
			.filter((check) -> check.name().equals(name))
			.findFirst()
			.orElse(new StoreCheck(name, false, Double.NaN));
	}

	private @Nullable Disk readDisk() {
		Path dir = this.dataDir;
		if (dir == null || !Files.isDirectory(dir)) {
			return null;
		}
		try {
			FileStore store = Files.getFileStore(dir);
			return new Disk(dir.toAbsolutePath().toString(), store.getUsableSpace(), store.getTotalSpace(),
					this.minFreeBytes);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static double diskValue(@Nullable Disk disk, boolean free) {
		if (disk == null) {
			return Double.NaN;
		}
		return free ? disk.freeBytes() : disk.totalBytes();
	}

}
