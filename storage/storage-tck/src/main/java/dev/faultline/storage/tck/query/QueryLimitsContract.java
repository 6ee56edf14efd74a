package dev.faultline.storage.tck.query;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Cursor;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.events.SampleEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query role's guard rails ({@link QueryLimits}) and its isolation from writes: a
 * query over its budget of rows to read is stopped with
 * {@link QueryLimitExceededException} naming the limit, the same question narrowed to a
 * shorter range or fewer projects is answered; a query whose rows are still being read (a
 * stream whose receiver waits) never holds up a write; streamed pages hand on every row
 * once and end with a cursor that continues them.
 *
 * <p>
 * The seed: four whole weeks (Monday to Monday, UTC) of 800 events each in one project —
 * ClickHouse's parts are weekly, so a range inside one week reads that week only — and 50
 * in another project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryLimitsContract {

	/** Events per seeded week. */
	protected static final int PER_WEEK = 800;

	/** The budget the tests give: above one week, below the whole range. */
	protected static final long BUDGET = 1000;

	protected static final long BUSY = 41;

	protected static final long QUIET = 42;

	/** A project no other test reads: where the writes of the tests go. */
	protected static final long ELSEWHERE = 43;

	private @Nullable EventStore store;

	private Instant start = Instant.EPOCH;

	protected abstract EventStore createStore() throws Exception;

	@BeforeAll
	void seed() throws Exception {
		this.store = createStore();
		// Recent weeks (ClickHouse expires events after 90 days), Monday 00:00 UTC.
		this.start = Instant.now()
			.atZone(ZoneOffset.UTC)
			.minusWeeks(5)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.truncatedTo(ChronoUnit.DAYS)
			.toInstant();
		List<StoredEvent> events = new ArrayList<>();
		long step = Duration.ofDays(7).toMillis() / PER_WEEK;
		for (int i = 0; i < 4 * PER_WEEK; i++) {
			events.add(event(BUSY, i, this.start.plusMillis(i * step + step / 2)));
		}
		for (int i = 0; i < 50; i++) {
			events.add(event(QUIET, 10_000 + i, this.start.plus(Duration.ofHours(3 * i + 1))));
		}
		store().write(events);
	}

	@AfterAll
	void close() {
		if (this.store != null) {
			this.store.close();
		}
	}

	protected EventStore store() {
		if (this.store == null) {
			throw new IllegalStateException("not seeded");
		}
		return this.store;
	}

	protected Instant start() {
		return this.start;
	}

	/** The whole seeded range. */
	protected TimeRange everything() {
		return new TimeRange(this.start, this.start.plus(Duration.ofDays(28)));
	}

	/** A high-cardinality group-by over every event of the busy project. */
	protected Query everyEventById(TimeRange range, List<Long> projects) {
		Expression id = Expression.field(Datasets.ERRORS, "id");
		return Query.builder(Datasets.ERRORS, projects, range)
			.select(id, Aggregate.count(),
					Aggregate.of(Function.COUNT_UNIQUE, Expression.field(Datasets.ERRORS, "user.id")))
			.groupBy(id)
			.orderBy(Order.desc(Aggregate.count()))
			.page(0, 100)
			.build();
	}

	@Test
	void aQueryOverItsBudgetOfRowsToReadIsStoppedNamingTheLimit() {
		QueryLimits limits = QueryLimits.NONE.withMaxRowsToRead(BUDGET);
		assertThatThrownBy(() -> store().run(everyEventById(everything(), List.of(BUSY, QUIET)), limits))
			.isInstanceOfSatisfying(QueryLimitExceededException.class, (ex) -> {
				assertThat(ex.limit()).isEqualTo(QueryLimitExceededException.Limit.ROWS_READ);
				assertThat(ex.getMessage()).contains("rows");
				assertThat(ex.advice()).contains("shorter time range").contains("fewer projects");
			});
	}

	@Test
	void theSameQuestionNarrowedToFewerProjectsOrAShorterRangeIsAnswered() {
		QueryLimits limits = QueryLimits.NONE.withMaxRowsToRead(BUDGET);
		QueryResult quiet = store().run(everyEventById(everything(), List.of(QUIET)), limits);
		assertThat(quiet.rows()).hasSize(50);

		// Tuesday to Thursday of the second week: inside one week.
		TimeRange days = new TimeRange(this.start.plus(Duration.ofDays(8)), this.start.plus(Duration.ofDays(10)));
		long expected = 2 * PER_WEEK / 7 + 1;
		QueryResult narrow = store()
			.run(Query.builder(Datasets.ERRORS, List.of(BUSY), days).select(Aggregate.count()).build(), limits);
		assertThat(((Number) narrow.value(0, 0)).longValue()).isBetween(expected - 2, expected + 2);
	}

	@Test
	void withoutLimitsTheWideQueryIsAnswered() {
		QueryResult result = store().run(
				Query.builder(Datasets.ERRORS, List.of(BUSY, QUIET), everything()).select(Aggregate.count()).build(),
				QueryLimits.NONE);
		assertThat(result.value(0, 0)).isEqualTo((long) (4 * PER_WEEK + 50));
	}

	@Test
	void aQueryWhoseRowsAreStillBeingReadNeverHoldsUpAWrite() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Query query = Query.builder(Datasets.ERRORS, List.of(BUSY), everything())
			.select(Expression.field(Datasets.ERRORS, "id"))
			.orderBy(Order.asc(Expression.field(Datasets.ERRORS, "timestamp")))
			.page(0, 500)
			.build();
		CompletableFuture<@Nullable Cursor> stream = CompletableFuture
			.supplyAsync(() -> store().stream(query, QueryLimits.NONE.withTimeout(Duration.ofMinutes(5)), (row) -> {
				reading.countDown();
				release.await();
			}));
		try {
			assertThat(reading.await(60, TimeUnit.SECONDS)).as("the stream started").isTrue();
			// The query sits inside its first row; writes and other reads go on.
			StoredEvent late = event(ELSEWHERE, 99_999, this.start.plus(Duration.ofDays(20)));
			CompletableFuture<Void> write = CompletableFuture.runAsync(() -> store().write(List.of(late)));
			write.get(60, TimeUnit.SECONDS);
			assertThat(store().find(ELSEWHERE, late.eventId())).isPresent();
		}
		finally {
			release.countDown();
		}
		assertThat(stream.get(60, TimeUnit.SECONDS)).isNotNull();
	}

	@Test
	void streamedPagesHandOnEveryRowOnceAndContinueByCursor() {
		Expression id = Expression.field(Datasets.ERRORS, "id");
		List<Object> ids = new ArrayList<>();
		Cursor cursor = Cursor.FIRST;
		int pages = 0;
		while (cursor != null) {
			Query page = Query.builder(Datasets.ERRORS, List.of(BUSY), everything())
				.select(id)
				.orderBy(Order.asc(Expression.field(Datasets.ERRORS, "timestamp")))
				.page(cursor, 700)
				.build();
			cursor = store().stream(page, QueryLimits.NONE, (row) -> ids.add(row.get(0)));
			pages++;
		}
		assertThat(pages).isEqualTo((4 * PER_WEEK + 699) / 700);
		assertThat(ids).hasSize(4 * PER_WEEK).doesNotHaveDuplicates();
	}

	@Test
	void aStreamRefusesABackwardCursor() {
		Query first = Query.builder(Datasets.ERRORS, List.of(BUSY), everything())
			.select(Expression.field(Datasets.ERRORS, "id"))
			.orderBy(Order.asc(Expression.field(Datasets.ERRORS, "timestamp")))
			.page(Cursor.FIRST, 10)
			.build();
		Cursor next = store().stream(first, QueryLimits.NONE, (row) -> {
		});
		assertThat(next).isNotNull();
		Query backward = first.at(Cursor.ofKey(next.key(), true));
		assertThatThrownBy(() -> store().stream(backward, QueryLimits.NONE, (row) -> {
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward");
	}

	protected static StoredEvent event(long project, int n, Instant timestamp) {
		EventUser user = new EventUser("u" + (n % 97), null, null, null);
		return new StoredEvent(project, SampleEvents.eventId(n + 1), 500 + (n % 13), timestamp, timestamp, "java",
				"error", "Boom " + (n % 7), "Main in run", "message " + n, "1.0", "production", null, null,
				Map.of("browser", "b" + (n % 5)), user, "hash" + (n % 13), "app", "{}");
	}

}
