package dev.faultline.storage.tck.metadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.monitor.CheckIn;
import dev.faultline.storage.monitor.CheckInResult;
import dev.faultline.storage.monitor.CheckInResult.Transition;
import dev.faultline.storage.monitor.DueEnvironment;
import dev.faultline.storage.monitor.Monitor;
import dev.faultline.storage.monitor.MonitorConfig;
import dev.faultline.storage.monitor.MonitorStore;
import dev.faultline.storage.monitor.NewCheckIn;
import dev.faultline.storage.monitor.NewCheckIn.Thresholds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of cron monitors in the metadata port: monitors, check-ins and their
 * thresholds, and the detector's compare-and-set writes and lease, exactly once across
 * two adapters on one database.
 */
public abstract class MonitorStoreContract extends IssueWorkflowFixture {

	private static final MonitorConfig EVERY_FIVE = new MonitorConfig("crontab", "*/5 * * * *", 0, null,
			"Europe/Vienna", 2, 10, 2, 2);

	/**
	 * A second adapter over the database the current test's {@link #stores} use, as a
	 * second replica would open it; the suite closes it.
	 */
	protected abstract MetadataStores sameDatabase(Clock clock);

	private MonitorStore monitors() {
		return this.stores.monitors();
	}

	@Test
	void monitorsAreUniqueBySlugWithinTheOrganization() {
		Monitor created = monitors().create(this.org.id(), this.project.id(), "nightly", "Nightly", Monitor.ACTIVE,
				EVERY_FIVE);
		assertThat(created)
			.extracting("organizationId", "projectId", "slug", "name", "status", "muted", "config", "dateCreated")
			.containsExactly(this.org.id(), this.project.id(), "nightly", "Nightly", "active", false, EVERY_FIVE, T0);
		assertThat(monitors().find(this.org.id(), "nightly")).contains(created);
		assertThat(monitors().findById(created.id())).contains(created);
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(() -> monitors().create(this.org.id(),
				this.project.id(), "nightly", "Other", Monitor.ACTIVE, EVERY_FIVE));

		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
		MonitorConfig hourly = new MonitorConfig("interval", null, 1, "hour", null, null, null, null, null);
		Monitor second = monitors().create(this.org.id(), other.id(), "backup", "Backup", Monitor.ACTIVE, hourly);
		assertThat(monitors().list(this.org.id(), List.of())).containsExactly(second, created);
		assertThat(monitors().list(this.org.id(), List.of(other.id()))).containsExactly(second);

		Monitor renamed = new Monitor(created.id(), created.organizationId(), created.projectId(), "nightly-2",
				"Nightly 2", Monitor.DISABLED, true, hourly, created.dateCreated());
		assertThat(monitors().update(renamed)).contains(renamed);
		Monitor clash = new Monitor(second.id(), second.organizationId(), second.projectId(), "nightly-2", "x",
				Monitor.ACTIVE, false, hourly, second.dateCreated());
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(() -> monitors().update(clash));
		assertThat(monitors().delete(created.id())).isTrue();
		assertThat(monitors().findById(created.id())).isEmpty();
		assertThat(monitors().delete(created.id())).isFalse();
	}

	@Test
	void aCheckInsConfigCreatesOrReplacesTheMonitorOfItsProjectOnly() {
		Monitor created = monitors().upsertConfig(this.org.id(), this.project.id(), "nightly", EVERY_FIVE)
			.orElseThrow();
		assertThat(created).extracting("slug", "name", "status", "config")
			.containsExactly("nightly", "nightly", "active", EVERY_FIVE);
		MonitorConfig changed = new MonitorConfig("interval", null, 30, "minute", "UTC", 5, 60, 1, 1);
		Monitor updated = monitors().upsertConfig(this.org.id(), this.project.id(), "nightly", changed).orElseThrow();
		assertThat(updated.id()).isEqualTo(created.id());
		assertThat(updated.config()).isEqualTo(changed);

		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
		assertThat(monitors().upsertConfig(this.org.id(), other.id(), "nightly", EVERY_FIVE)).isEmpty();
		assertThat(monitors().findById(created.id()).orElseThrow().config()).isEqualTo(changed);
	}

	@Test
	void aClosingCheckInCompletesItsInProgressOneOnce() {
		Monitor monitor = monitor();
		Instant t1 = T0.plusSeconds(30);
		CheckInResult started = monitors()
			.recordCheckIn(checkIn(monitor, "a1", CheckIn.IN_PROGRESS, null, t1, t1.plusSeconds(600)));
		assertThat(started.transition()).isEqualTo(Transition.NONE);
		assertThat(started.checkIn()).extracting("status", "dateInProgress", "timeoutAt", "environment")
			.containsExactly("in_progress", t1, t1.plusSeconds(600), "production");
		assertThat(started.environment()).extracting("status", "lastCheckIn", "nextCheckIn", "nextCheckInLatest")
			.containsExactly("active", t1, T0.plusSeconds(300), T0.plusSeconds(420));

		Instant t2 = T0.plusSeconds(95);
		CheckInResult closed = monitors().recordCheckIn(checkIn(monitor, "a1", CheckIn.OK, null, t2, null));
		assertThat(closed.checkIn()).extracting("status", "durationMillis", "dateAdded", "dateUpdated", "timeoutAt")
			.containsExactly("ok", 65_000L, t1, t2, null);
		assertThat(closed.environment().status()).isEqualTo("ok");

		CheckInResult again = monitors().recordCheckIn(checkIn(monitor, "a1", CheckIn.ERROR, 5L, t2, null));
		assertThat(again.transition()).isEqualTo(Transition.IGNORED);
		assertThat(again.checkIn().status()).isEqualTo("ok");
		assertThat(monitors().checkIns(monitor.id(), null, T0, 10)).singleElement()
			.extracting("checkInId", "status", "durationMillis")
			.containsExactly("a1", "ok", 65_000L);
		assertThat(monitors().dueTimeouts(T0.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void failuresOpenAnIncidentAtTheThresholdAndSuccessesResolveIt() {
		Monitor monitor = monitor();
		List<Transition> transitions = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		String[] sequence = { "error", "ok", "error", "error", "error", "ok", "ok", "ok" };
		for (int i = 0; i < sequence.length; i++) {
			Instant at = T0.plusSeconds(60L * i);
			CheckInResult result = monitors().recordCheckIn(checkIn(monitor, "c" + i, sequence[i], 100L, at, null));
			transitions.add(result.transition());
			statuses.add(result.environment().status());
		}
		assertThat(transitions).containsExactly(Transition.NONE, Transition.NONE, Transition.NONE,
				Transition.INCIDENT_OPENED, Transition.INCIDENT_CONTINUED, Transition.NONE,
				Transition.INCIDENT_RESOLVED, Transition.NONE);
		assertThat(statuses).containsExactly("active", "ok", "ok", "error", "error", "error", "ok", "ok");
		assertThat(monitors().checkIns(monitor.id(), "production", T0, 3)).extracting("checkInId")
			.containsExactly("c7", "c6", "c5");
		assertThat(monitors().checkIns(monitor.id(), "staging", T0, 3)).isEmpty();
		assertThat(monitors().environments(List.of(monitor.id())).get(monitor.id())).singleElement()
			.extracting("failures", "successes", "incidentOpen")
			.containsExactly(0, 3, false);
	}

	@Test
	void aRunningCheckInTimesOutOnceAndItsLateCloseIsIgnored() {
		Monitor monitor = monitor();
		Instant start = T0.plusSeconds(10);
		monitors().recordCheckIn(checkIn(monitor, "run", CheckIn.IN_PROGRESS, null, start, start.plusSeconds(600)));
		assertThat(monitors().dueTimeouts(start.plusSeconds(599), 10)).isEmpty();
		List<CheckIn> due = monitors().dueTimeouts(start.plusSeconds(600), 10);
		assertThat(due).extracting("checkInId").containsExactly("run");

		Thresholds once = new Thresholds(1, 1);
		CheckInResult timedOut = monitors().markTimedOut(monitor.id(), "run", start.plusSeconds(601), once)
			.orElseThrow();
		assertThat(timedOut.checkIn().status()).isEqualTo("timeout");
		assertThat(timedOut.transition()).isEqualTo(Transition.INCIDENT_OPENED);
		assertThat(timedOut.environment().status()).isEqualTo("timeout");
		assertThat(monitors().markTimedOut(monitor.id(), "run", start.plusSeconds(602), once)).isEmpty();
		assertThat(monitors().recordCheckIn(checkIn(monitor, "run", CheckIn.OK, 5L, start.plusSeconds(700), null))
			.transition()).isEqualTo(Transition.IGNORED);
		assertThat(monitors().checkIns(monitor.id(), null, T0, 10)).singleElement()
			.extracting("status")
			.isEqualTo("timeout");
	}

	@Test
	void aLateEnvironmentIsMarkedMissedOncePerExpectedTime() {
		Monitor monitor = monitor();
		monitors().recordCheckIn(checkIn(monitor, "first", CheckIn.OK, 10L, T0.plusSeconds(5), null));
		assertThat(monitors().dueEnvironments(T0.plusSeconds(419), 10)).isEmpty();
		List<DueEnvironment> due = monitors().dueEnvironments(T0.plusSeconds(420), 10);
		assertThat(due).singleElement().satisfies((late) -> {
			assertThat(late.monitor()).isEqualTo(monitor);
			assertThat(late.environment().nextCheckIn()).isEqualTo(T0.plusSeconds(300));
		});
		long environmentId = due.get(0).environment().id();
		Thresholds once = new Thresholds(1, 1);
		CheckInResult missed = monitors()
			.markMissed(environmentId, T0.plusSeconds(300), T0.plusSeconds(600), T0.plusSeconds(720), "m1",
					T0.plusSeconds(421), once)
			.orElseThrow();
		assertThat(missed.checkIn()).extracting("status", "expectedTime", "checkInId")
			.containsExactly("missed", T0.plusSeconds(300), "m1");
		assertThat(missed.environment()).extracting("status", "nextCheckIn", "nextCheckInLatest")
			.containsExactly("missed_checkin", T0.plusSeconds(600), T0.plusSeconds(720));
		assertThat(missed.transition()).isEqualTo(Transition.INCIDENT_OPENED);
		assertThat(monitors().markMissed(environmentId, T0.plusSeconds(300), T0.plusSeconds(600), T0.plusSeconds(720),
				"m2", T0.plusSeconds(422), once))
			.isEmpty();
		assertThat(monitors().dueEnvironments(T0.plusSeconds(719), 10)).isEmpty();

		Monitor disabled = new Monitor(monitor.id(), monitor.organizationId(), monitor.projectId(), monitor.slug(),
				monitor.name(), Monitor.DISABLED, false, monitor.config(), monitor.dateCreated());
		monitors().update(disabled);
		assertThat(monitors().dueEnvironments(T0.plusSeconds(7200), 10)).isEmpty();
	}

	@Test
	void aLeaseHasOneHolderUntilItExpires() {
		Duration ttl = Duration.ofSeconds(30);
		assertThat(monitors().tryLease("crons", "a", T0, ttl)).isTrue();
		assertThat(monitors().tryLease("crons", "b", T0.plusSeconds(10), ttl)).isFalse();
		assertThat(monitors().tryLease("crons", "a", T0.plusSeconds(20), ttl)).isTrue();
		assertThat(monitors().tryLease("crons", "b", T0.plusSeconds(49), ttl)).isFalse();
		assertThat(monitors().tryLease("crons", "b", T0.plusSeconds(50), ttl)).isTrue();
		assertThat(monitors().tryLease("other", "a", T0.plusSeconds(50), ttl)).isTrue();
	}

	@Test
	void twoDetectorsOnOneDatabaseWriteEachMissedAndTimedOutCheckInOnce() throws Exception {
		int count = 12;
		List<Monitor> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Monitor monitor = monitors().create(this.org.id(), this.project.id(), "job-" + i, "Job " + i,
					Monitor.ACTIVE, EVERY_FIVE);
			created.add(monitor);
			monitors().recordCheckIn(checkIn(monitor, "ok-" + i, CheckIn.OK, 1L, T0.plusSeconds(5), null));
			monitors().recordCheckIn(
					checkIn(monitor, "run-" + i, CheckIn.IN_PROGRESS, null, T0.plusSeconds(6), T0.plusSeconds(60)));
		}
		Instant now = T0.plusSeconds(420);
		try (MetadataStores second = sameDatabase(this.clock)) {
			List<Callable<List<String>>> detectors = List.of(() -> detect(this.stores.monitors(), now, "a"),
					() -> detect(second.monitors(), now, "b"));
			ExecutorService executor = Executors.newFixedThreadPool(2);
			List<String> written = new ArrayList<>();
			try {
				for (int round = 0; round < 3; round++) {
					for (Future<List<String>> result : executor.invokeAll(detectors)) {
						written.addAll(result.get());
					}
				}
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(written).hasSize(2 * count).doesNotHaveDuplicates();
			for (Monitor monitor : created) {
				assertThat(second.monitors().checkIns(monitor.id(), null, T0, 10)).extracting("status")
					.containsExactlyInAnyOrder("missed", "timeout", "ok");
			}
		}
	}

	/**
	 * One detector run: every due environment and timeout it wins, by monitor and kind.
	 */
	private static List<String> detect(MonitorStore store, Instant now, String name) {
		List<String> won = Collections.synchronizedList(new ArrayList<>());
		Thresholds thresholds = new Thresholds(2, 2);
		for (DueEnvironment due : store.dueEnvironments(now, 100)) {
			Instant expected = due.environment().nextCheckIn();
			store
				.markMissed(due.environment().id(), expected, expected.plusSeconds(300), expected.plusSeconds(420),
						name + "-missed-" + due.monitor().id(), now, thresholds)
				.ifPresent((result) -> won.add("missed " + due.monitor().id()));
		}
		for (CheckIn running : store.dueTimeouts(now, 100)) {
			store.markTimedOut(running.monitorId(), running.checkInId(), now, thresholds)
				.ifPresent((result) -> won.add("timeout " + running.monitorId()));
		}
		return won;
	}

	private Monitor monitor() {
		return monitors().create(this.org.id(), this.project.id(), "nightly", "Nightly", Monitor.ACTIVE, EVERY_FIVE);
	}

	/** A check-in of the production environment on the five-minute schedule. */
	private static NewCheckIn checkIn(Monitor monitor, String id, String status, Long duration, Instant at,
			Instant timeoutAt) {
		Instant minute = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Instant next = minute.plusSeconds(300 - (minute.getEpochSecond() % 300));
		return new NewCheckIn(monitor.id(), "production", id, status, duration, at, next, next.plusSeconds(120),
				timeoutAt, null, Thresholds.of(monitor.config()));
	}

}
