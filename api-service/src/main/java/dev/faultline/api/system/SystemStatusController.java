package dev.faultline.api.system;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.InstanceAdmin;
import dev.faultline.api.system.SystemStatusJson.DiskJson;
import dev.faultline.api.system.SystemStatusJson.DroppedJson;
import dev.faultline.api.system.SystemStatusJson.HourJson;
import dev.faultline.api.system.SystemStatusJson.PartitionJson;
import dev.faultline.api.system.SystemStatusJson.QueueJson;
import dev.faultline.api.system.SystemStatusJson.SchemaJson;
import dev.faultline.api.system.SystemStatusJson.StoreJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.boot.system.SystemProbe;
import dev.faultline.boot.system.SystemReading;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.SchemaVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/0/internal/system/status/}: what an operator checks first, for the
 * instance administrator only (see {@link InstanceAdmin}). The queue, stores and disk
 * come from the {@link SystemProbe}'s latest reading ({@code ?refresh=1} takes one now);
 * the volumes from the outcome counters of every project, so the page shows the same in
 * both shapes whichever process serves it.
 */
@RestController
class SystemStatusController {

	private static final Duration WINDOW = Duration.ofHours(24);

	private final InstanceAdmin instanceAdmin;

	private final SystemProbe probe;

	private final MetadataStores metadata;

	private final Clock clock = Clock.systemUTC();

	SystemStatusController(InstanceAdmin instanceAdmin, SystemProbe probe, MetadataStores metadata) {
		this.instanceAdmin = instanceAdmin;
		this.probe = probe;
		this.metadata = metadata;
	}

	@GetMapping("/api/0/internal/system/status/")
	SystemStatusJson status(Caller caller, @RequestParam(defaultValue = "0") String refresh) {
		this.instanceAdmin.require(caller);
		SystemReading reading = "1".equals(refresh) || "true".equals(refresh) ? this.probe.read() : this.probe.latest();
		Instant to = this.clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		List<OutcomeCount> counts = this.metadata.outcomes().queryAll(to.minus(WINDOW), to);
		boolean healthy = reading.queue().failure() == null
				&& reading.stores().stream().allMatch(SystemReading.StoreCheck::healthy);
		return new SystemStatusJson(version(),
				ApiDates.format(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())),
				ApiDates.format(reading.readAt()), healthy, queue(reading.queue()), stores(reading), disk(reading),
				schema(), processed(counts, to), dropped(counts));
	}

	private static String version() {
		String version = SystemStatusController.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

	private static QueueJson queue(SystemReading.QueueLag lag) {
		return new QueueJson(lag.group(), lag.total(),
				lag.partitions()
					.stream()
					.map((partition) -> new PartitionJson(partition.partition(), partition.endOffset(),
							partition.committedOffset(), partition.lag()))
					.toList(),
				lag.failure());
	}

	private static List<StoreJson> stores(SystemReading reading) {
		return reading.stores()
			.stream()
			.map((check) -> new StoreJson(check.name(), check.healthy(),
					Math.round(check.latencyMillis() * 100) / 100.0))
			.toList();
	}

	private static @Nullable DiskJson disk(SystemReading reading) {
		SystemReading.Disk disk = reading.disk();
		if (disk == null) {
			return null;
		}
		return new DiskJson(disk.path(), disk.freeBytes(), disk.totalBytes(), disk.minFreeBytes(),
				disk.freeBytes() < disk.minFreeBytes());
	}

	private SchemaJson schema() {
		try {
			SchemaVersion version = this.metadata.schemaVersion();
			return new SchemaJson(version.version(), version.description(), null);
		}
		catch (RuntimeException ex) {
			return new SchemaJson(null, null, ex.getMessage());
		}
	}

	/** One entry per hour of the window, zero where nothing was accepted. */
	private static List<HourJson> processed(List<OutcomeCount> counts, Instant to) {
		Map<Instant, Long> accepted = new TreeMap<>();
		for (Instant hour = to.minus(WINDOW); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
			accepted.put(hour, 0L);
		}
		counts.stream()
			.filter((count) -> Outcome.ACCEPTED.wireName().equals(count.outcome()))
			.forEach((count) -> accepted.merge(count.hour(), count.timesSeen(), Long::sum));
		List<HourJson> hours = new ArrayList<>();
		accepted.forEach((hour, items) -> hours.add(new HourJson(ApiDates.format(hour), items)));
		return hours;
	}

	private static List<DroppedJson> dropped(List<OutcomeCount> counts) {
		Map<DropKey, Long> sums = counts.stream()
			.filter((count) -> !Outcome.ACCEPTED.wireName().equals(count.outcome()))
			.collect(Collectors.groupingBy((count) -> new DropKey(count.outcome(), count.reason(), count.category()),
					Collectors.summingLong(OutcomeCount::timesSeen)));
		return sums.entrySet()
			.stream()
			.map((entry) -> new DroppedJson(entry.getKey().outcome(), entry.getKey().reason(),
					entry.getKey().category(), entry.getValue()))
			.sorted(Comparator.comparingLong(DroppedJson::items)
				.reversed()
				.thenComparing(DroppedJson::outcome)
				.thenComparing(DroppedJson::reason)
				.thenComparing(DroppedJson::category))
			.toList();
	}

	private record DropKey(String outcome, String reason, String category) {
	}

}
