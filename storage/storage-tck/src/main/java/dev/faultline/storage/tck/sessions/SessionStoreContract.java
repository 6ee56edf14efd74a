package dev.faultline.storage.tck.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.sessions.SessionStatus;
import dev.faultline.storage.sessions.StoredSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions role's TCK: {@code SessionWriter} of an {@link EventStorage} read back
 * through the query role over {@link Datasets#SESSIONS}. Hand-made sessions pin each rule
 * of Sentry's session updates (counted once by the update with {@code init}; errored by
 * errors or status; the update of the greatest {@code seq}, then timestamp, sets the
 * status whatever the arrival order; replays change nothing; an open {@code ok} session
 * is healthy; aggregate groups count their quantity). A generated seed of a few thousand
 * updates, shuffled, split into batches and partly replayed, is then checked against
 * answers computed here in plain Java.
 *
 * <p>
 * A subclass provides {@link #createStorage()} over fresh, empty storage; the suite seeds
 * it once and closes it after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SessionStoreContract {

	/** The project of the hand-made sessions. */
	protected static final long RULES = 21;

	/** The project of the generated sessions. */
	protected static final long BULK = 22;

	/** A project with nothing stored. */
	protected static final long EMPTY = 23;

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private static final List<String> RELEASES = List.of("app@1.0.0", "app@1.1.0", "app@2.0.0");

	private static final List<@Nullable String> ENVIRONMENTS = Arrays.asNullable("production", "staging", null);

	private final List<StoredSession> bulk = new ArrayList<>();

	private @Nullable EventStorage storage;

	/**
	 * Opens event storage over fresh, empty storage.
	 */
	protected abstract EventStorage createStorage() throws Exception;

	@BeforeAll
	void seed() throws Exception {
		this.storage = createStorage();
		writeRules();
		writeBulk();
	}

	@AfterAll
	void close() {
		if (this.storage != null) {
			this.storage.close();
		}
	}

	private EventStorage storage() {
		if (this.storage == null) {
			throw new IllegalStateException("not seeded");
		}
		return this.storage;
	}

	// The hand-made sessions, one rule each; their release names the rule.

	private void writeRules() {
		List<StoredSession> first = new ArrayList<>();
		List<StoredSession> second = new ArrayList<>();
		// Healthy: started, then exited; both in one batch.
		first.add(update("a1", "exited-clean", "u1", 0, true, SessionStatus.OK, 0, 0));
		first.add(update("a1", "exited-clean", "u1", 1, false, SessionStatus.EXITED, 0, 60));
		// Left open: only the starting ok update ever arrives.
		first.add(update("a2", "open", "u2", 0, true, SessionStatus.OK, 0, 0));
		// Errored by errors (status exited), in two batches.
		first.add(update("a3", "errored-by-count", "u3", 0, true, SessionStatus.OK, 0, 0));
		second.add(update("a3", "errored-by-count", "u3", 2, false, SessionStatus.EXITED, 2, 30));
		// Errored by status.
		first.add(update("a4", "errored-by-status", null, 0, true, SessionStatus.ERRORED, 0, 0));
		// Crashed arrives before the starting update.
		first.add(update("a5", "crash-first", "u5", 3, false, SessionStatus.CRASHED, 1, 20));
		second.add(update("a5", "crash-first", "u5", 0, true, SessionStatus.OK, 0, 0));
		// A late update with a lower seq changes nothing: exited stays.
		first.add(update("a6", "late-lower-seq", "u6", 0, true, SessionStatus.OK, 0, 0));
		first.add(update("a6", "late-lower-seq", "u6", 9, false, SessionStatus.EXITED, 0, 90));
		second.add(update("a6", "late-lower-seq", "u6", 4, false, SessionStatus.CRASHED, 0, 40));
		// Without seq (browser): the later timestamp wins.
		first.add(update("a7", "no-seq", "u7", 0, true, SessionStatus.OK, 0, 0));
		second.add(update("a7", "no-seq", "u7", 0, false, SessionStatus.UNHANDLED, 1, 5));
		// Abnormal.
		first.add(update("a8", "abnormal", "u8", 0, true, SessionStatus.OK, 0, 0));
		second.add(update("a8", "abnormal", "u8", 1, false, SessionStatus.ABNORMAL, 0, 10));
		// Never started (its init update was lost): not counted.
		first.add(update("a9", "never-started", "u9", 5, false, SessionStatus.EXITED, 0, 10));
		// An aggregate group standing for 7 crashed sessions of one user.
		first.add(new StoredSession(RULES, "agg-1", "u10", T0, T0, 0, true, SessionStatus.CRASHED, 0, 7, "aggregate",
				null, T0));
		// The distinct id set by a later update.
		first.add(update("a11", "late-user", null, 0, true, SessionStatus.OK, 0, 0));
		second.add(update("a11", "late-user", "u11", 1, false, SessionStatus.EXITED, 0, 10));
		storage().sessionWriter().writeSessions(first);
		storage().sessionWriter().writeSessions(second);
		// Replays: the second batch again, then everything in one.
		storage().sessionWriter().writeSessions(second);
		List<StoredSession> all = new ArrayList<>(second);
		all.addAll(first);
		storage().sessionWriter().writeSessions(all);
	}

	private static StoredSession update(String sid, String release, @Nullable String did, long seq, boolean init,
			SessionStatus status, long errors, long secondsLater) {
		return new StoredSession(RULES, sid, did, T0, T0.plusSeconds(secondsLater), seq, init, status, errors, 1,
				release, "production", T0.plusSeconds(secondsLater));
	}

	@Test
	void eachRuleGivesSentrysStatus() {
		Map<String, String> statuses = new TreeMap<>();
		Map<String, Long> counts = new TreeMap<>();
		Expression release = field("release");
		Expression status = field("session.status");
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(RULES), TimeRange.ALL)
				.select(release, status, Aggregate.count())
				.where(started())
				.groupBy(release, status)
				.extrapolated(true)
				.build());
		for (List<@Nullable Object> row : result.rows()) {
			assertThat(statuses.put((String) row.get(0), (String) row.get(1))).as("one status per session").isNull();
			counts.put((String) row.get(0), ((Number) row.get(2)).longValue());
		}
		assertThat(statuses).containsExactlyEntriesOf(
				new TreeMap<>(Map.of("exited-clean", "healthy", "open", "healthy", "errored-by-count", "errored",
						"errored-by-status", "errored", "crash-first", "crashed", "late-lower-seq", "healthy", "no-seq",
						"unhandled", "abnormal", "abnormal", "aggregate", "crashed", "late-user", "healthy")));
		assertThat(counts).containsEntry("aggregate", 7L).containsEntry("exited-clean", 1L).containsEntry("open", 1L);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(16);
	}

	@Test
	void aSessionWithoutItsStartIsStoredButNotStarted() {
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(RULES), TimeRange.ALL)
				.select(field("session.init"), field("session.errors"), field("user"))
				.where(new Condition.Compare(field("release"), Condition.Operator.EQUALS, "never-started"))
				.build());
		assertThat(result.rows()).hasSize(1);
		assertThat(((Number) result.rows().get(0).get(0)).longValue()).isZero();
	}

	@Test
	void errorCountsAndUsersAreMerged() {
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(RULES), TimeRange.ALL)
				.select(field("release"), field("session.errors"), field("user"))
				.where(new Condition.In(field("release"),
						List.of("errored-by-count", "late-user", "errored-by-status")))
				.build());
		Map<String, List<@Nullable Object>> rows = new HashMap<>();
		result.rows().forEach((row) -> rows.put((String) row.get(0), row));
		assertThat(rows).hasSize(3);
		assertThat(((Number) rows.get("errored-by-count").get(1)).longValue()).isEqualTo(2);
		assertThat(rows.get("late-user").get(2)).isEqualTo("u11");
		assertThat(rows.get("errored-by-status").get(2)).as("no distinct id reads as missing").isNull();
		QueryResult users = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(RULES), TimeRange.ALL)
				.select(new Aggregate(Function.COUNT_UNIQUE, field("user"), 0))
				.where(started())
				.build());
		// u1 u2 u3 u5 u6 u7 u8 u10 u11; a4 has none and a9 never started.
		assertThat(((Number) users.rows().get(0).get(0)).longValue()).isEqualTo(9);
	}

	@Test
	void anEmptyProjectHasNoSessions() {
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(EMPTY), TimeRange.ALL)
				.select(Aggregate.count())
				.extrapolated(true)
				.build());
		// A weighted count over no rows is NULL on some engines: no sessions either way.
		Object count = result.rows().get(0).get(0);
		assertThat((count != null) ? ((Number) count).longValue() : 0L).isZero();
	}

	// The generated seed.

	private void writeBulk() {
		Random random = new Random(17);
		List<StoredSession> updates = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			String sid = String.format("%032x", i);
			String release = RELEASES.get(random.nextInt(RELEASES.size()));
			String environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
			String did = random.nextInt(5) == 0 ? null : "user-" + random.nextInt(300);
			Instant started = T0.plus(Duration.ofMinutes(random.nextInt(6 * 60)));
			int count = 1 + random.nextInt(4);
			long errors = 0;
			for (int seq = 0; seq < count; seq++) {
				boolean last = seq == count - 1;
				errors += random.nextInt(6) == 0 ? 1 : 0;
				SessionStatus status = SessionStatus.OK;
				if (last && count > 1) {
					status = List
						.of(SessionStatus.EXITED, SessionStatus.EXITED, SessionStatus.EXITED, SessionStatus.CRASHED,
								SessionStatus.ABNORMAL, SessionStatus.ERRORED, SessionStatus.OK)
						.get(random.nextInt(7));
				}
				Instant at = started.plusSeconds(seq * 10L);
				updates.add(new StoredSession(BULK, sid, did, started, at, seq, seq == 0, status, errors, 1, release,
						environment, at));
			}
		}
		for (int i = 0; i < 40; i++) {
			SessionStatus status = List
				.of(SessionStatus.EXITED, SessionStatus.ERRORED, SessionStatus.CRASHED, SessionStatus.ABNORMAL)
				.get(i % 4);
			Instant started = T0.plus(Duration.ofMinutes(random.nextInt(6 * 60)));
			updates.add(new StoredSession(BULK, "aggregate-" + i, (i % 3 == 0) ? null : "agg-user-" + (i % 5), started,
					started, 0, true, status, 0, 1 + random.nextInt(20), RELEASES.get(i % RELEASES.size()),
					ENVIRONMENTS.get(i % 2), started));
		}
		this.bulk.addAll(updates);
		List<StoredSession> shuffled = new ArrayList<>(updates);
		Collections.shuffle(shuffled, random);
		for (int from = 0; from < shuffled.size(); from += 500) {
			List<StoredSession> batch = shuffled.subList(from, Math.min(shuffled.size(), from + 500));
			storage().sessionWriter().writeSessions(batch);
			if ((from / 500) % 2 == 0) {
				// A replayed batch.
				storage().sessionWriter().writeSessions(batch);
			}
		}
	}

	/** The sessions of the seed as the contract merges them. */
	private Map<String, StoredSession> expectedBulk() {
		Map<String, StoredSession> merged = new LinkedHashMap<>();
		for (StoredSession session : this.bulk) {
			merged.merge(session.sessionId(), session, StoredSession::merge);
		}
		return merged;
	}

	static String health(StoredSession session) {
		return switch (session.status()) {
			case CRASHED -> "crashed";
			case ABNORMAL -> "abnormal";
			case UNHANDLED -> "unhandled";
			case ERRORED -> "errored";
			default -> (session.errors() > 0) ? "errored" : "healthy";
		};
	}

	@Test
	void sessionsPerReleaseAndStatusAreCountedOnce() {
		Map<String, Long> expected = new TreeMap<>();
		for (StoredSession session : expectedBulk().values()) {
			if (session.init()) {
				expected.merge(session.release() + "/" + health(session), session.quantity(), Long::sum);
			}
		}
		Expression release = field("release");
		Expression status = field("session.status");
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(BULK), TimeRange.ALL)
				.select(release, status, Aggregate.count())
				.where(started())
				.groupBy(release, status)
				.extrapolated(true)
				.build());
		Map<String, Long> actual = new TreeMap<>();
		result.rows().forEach((row) -> actual.put(row.get(0) + "/" + row.get(1), ((Number) row.get(2)).longValue()));
		assertThat(actual).containsExactlyEntriesOf(expected);
	}

	@Test
	void usersPerEnvironmentAndCrashedUsers() {
		Map<String, Set<String>> users = new TreeMap<>();
		Map<String, Set<String>> crashed = new TreeMap<>();
		for (StoredSession session : expectedBulk().values()) {
			if (session.init() && session.distinctId() != null) {
				String environment = String.valueOf(session.environment());
				users.computeIfAbsent(environment, (key) -> new HashSet<>()).add(session.distinctId());
				if (session.status() == SessionStatus.CRASHED) {
					crashed.computeIfAbsent(environment, (key) -> new HashSet<>()).add(session.distinctId());
				}
			}
		}
		assertThat(countUsers(List.of(started()))).isEqualTo(sizes(users));
		assertThat(countUsers(List.of(started(),
				new Condition.Compare(field("session.status"), Condition.Operator.EQUALS, "crashed"))))
			.isEqualTo(sizes(crashed));
	}

	private Map<String, Long> countUsers(List<Condition> where) {
		Expression environment = field("environment");
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(BULK), TimeRange.ALL)
				.select(environment, new Aggregate(Function.COUNT_UNIQUE, field("user"), 0))
				.where(where)
				.groupBy(environment)
				.build());
		Map<String, Long> counts = new TreeMap<>();
		result.rows().forEach((row) -> counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue()));
		return counts;
	}

	private static Map<String, Long> sizes(Map<String, Set<String>> sets) {
		Map<String, Long> sizes = new TreeMap<>();
		sets.forEach((key, set) -> sizes.put(key, (long) set.size()));
		return sizes;
	}

	@Test
	void hourlyBucketsByStartWithinARange() {
		Instant from = T0.plus(Duration.ofHours(1));
		Instant to = T0.plus(Duration.ofHours(5));
		Map<Instant, Long> expected = new TreeMap<>();
		for (StoredSession session : expectedBulk().values()) {
			if (session.init() && !session.started().isBefore(from) && session.started().isBefore(to)) {
				long hours = Duration.between(from, session.started()).toHours();
				expected.merge(from.plus(Duration.ofHours(hours)), session.quantity(), Long::sum);
			}
		}
		QueryResult result = storage().queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(BULK), new TimeRange(from, to))
				.select(Aggregate.count())
				.where(started())
				.interval(Duration.ofHours(1))
				.extrapolated(true)
				.build());
		Map<Instant, Long> actual = new TreeMap<>();
		result.rows().forEach((row) -> actual.put((Instant) row.get(0), ((Number) row.get(1)).longValue()));
		assertThat(actual).containsExactlyEntriesOf(expected);
	}

	private static Condition started() {
		return new Condition.Compare(field("session.init"), Condition.Operator.EQUALS, 1L);
	}

	private static Expression field(String name) {
		return Expression.field(Datasets.SESSIONS, name);
	}

	/** A list that may hold null, which {@code List.of} refuses. */
	private static final class Arrays {

		@SafeVarargs
		static <T> List<@Nullable T> asNullable(@Nullable T... values) {
			return Collections.unmodifiableList(java.util.Arrays.asList(values));
		}

	}

}
