package dev.faultline.storage.tck.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Cursor;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Page;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.events.SampleEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.faultline.storage.tck.query.QuerySeed.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Page cursors' TCK: paging through a query's whole answer by following the {@code next}
 * cursors, at several page sizes, yields exactly the unpaged answer computed here in
 * plain Java (every row once, in the order), and following the {@code previous} cursors
 * back from the last page yields it again — for rows and for groups, ascending and
 * descending, with ties in the sort keys (many events share a level, a timestamp, a
 * count), missing values (sorted last), hostile text in the keys, buckets, and orders by
 * aggregates. Cursors travel as text (Sentry's {@code value:offset:is_prev}) between
 * pages, as they do through a {@code Link} header. The issue's event list pages the same
 * way.
 *
 * <p>
 * Besides {@link QuerySeed}'s events, a third project holds events that share only three
 * timestamps, so the timestamp order has ties the event id must break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryCursorContract {

	private static final Dataset ERRORS = Datasets.ERRORS;

	private static final long TIES_PROJECT = 9;

	private static final long TIES_ISSUE = 500;

	private static final Expression ID = Expression.field(ERRORS, "id");

	private static final Expression LEVEL = Expression.field(ERRORS, "level");

	private static final Expression RELEASE = Expression.field(ERRORS, "release");

	private static final Expression TIMESTAMP = Expression.field(ERRORS, "timestamp");

	private static final Expression BROWSER = Expression.tag("browser");

	private static final Aggregate COUNT = Aggregate.count();

	private @Nullable EventStore store;

	private Instant base = Instant.EPOCH;

	private List<StoredEvent> events = List.of();

	/**
	 * Opens a store over fresh, empty storage.
	 */
	protected abstract EventStore createStore() throws Exception;

	@BeforeAll
	void seed() throws Exception {
		this.store = createStore();
		this.base = QuerySeed.base();
		List<StoredEvent> seeded = new ArrayList<>(QuerySeed.events(this.base));
		for (int i = 0; i < 45; i++) {
			Instant timestamp = this.base.plus(1 + i % 3, ChronoUnit.HOURS);
			seeded.add(new StoredEvent(TIES_PROJECT, SampleEvents.eventId(1000 + i), TIES_ISSUE, timestamp, timestamp,
					"python", QuerySeed.LEVELS.get(i % 2), "Tied " + i, "app", "message " + i, null, null, null, null,
					Map.of(), null, "tied", "app", "{\"type\":\"error\"}"));
		}
		this.events = List.copyOf(seeded);
		this.store.write(this.events);
	}

	@AfterAll
	void close() {
		if (this.store != null) {
			this.store.close();
		}
	}

	static Stream<Integer> pageSizes() {
		return Stream.of(7, 50, 1000);
	}

	static Stream<Integer> listingPageSizes() {
		return Stream.of(1, 7, 1000);
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void rowsByATiedKeyAscending(int size) {
		Query.Builder query = rows(PROJECT).select(ID).orderBy(Order.asc(LEVEL));
		assertPagesEqual(query, size, ids(expectedRows(PROJECT, key(StoredEvent::level, false))));
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void rowsByANullableHostileKeyDescendingThenATagWithMissingValues(int size) {
		Query.Builder query = rows(PROJECT).select(ID).orderBy(Order.desc(RELEASE), Order.asc(BROWSER));
		assertPagesEqual(query, size, ids(expectedRows(PROJECT, key(StoredEvent::release, true),
				key((event) -> event.tags().get("browser"), false))));
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void rowsByTiedTimestampsDescending(int size) {
		Query.Builder query = rows(TIES_PROJECT).select(ID).orderBy(Order.desc(TIMESTAMP));
		assertPagesEqual(query, size, ids(expectedRows(TIES_PROJECT, key(StoredEvent::timestamp, true))));
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void groupsOrderedByATiedAggregate(int size) {
		Query.Builder query = rows(PROJECT).select(RELEASE, BROWSER, COUNT)
			.groupBy(RELEASE, BROWSER)
			.orderBy(Order.desc(COUNT));
		Map<List<@Nullable Object>, Long> counts = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			counts.merge(Arrays.asList(event.release(), event.tags().get("browser")), 1L, Long::sum);
		}
		List<List<@Nullable Object>> expected = counts.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<List<@Nullable Object>, Long>, Long>comparing(Map.Entry::getValue)
				.reversed()
				.thenComparing((entry) -> entry.getKey(), QueryCursorContract::compareKeys))
			.map((entry) -> {
				List<@Nullable Object> row = new ArrayList<>(entry.getKey());
				row.add(entry.getValue());
				return row;
			})
			.toList();
		assertPagesEqual(query, size, expected);
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void groupsOrderedByTheirKeysDescendingInBuckets(int size) {
		Duration interval = Duration.ofHours(7);
		Query.Builder query = rows(PROJECT).select(LEVEL, COUNT)
			.groupBy(LEVEL)
			.interval(interval)
			.orderBy(Order.desc(LEVEL));
		Map<List<@Nullable Object>, Long> counts = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			long bucket = (event.timestamp().toEpochMilli() - this.base.toEpochMilli()) / interval.toMillis();
			counts.merge(Arrays.asList(this.base.plusMillis(bucket * interval.toMillis()), event.level()), 1L,
					Long::sum);
		}
		List<List<@Nullable Object>> expected = counts.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<List<@Nullable Object>, Long>, String>comparing(
					(entry) -> (String) entry.getKey().get(1), QueryCursorContract::utf8Order)
				.reversed()
				.thenComparing((entry) -> (Instant) entry.getKey().get(0)))
			.map((entry) -> {
				List<@Nullable Object> row = new ArrayList<>(entry.getKey());
				row.add(entry.getValue());
				return row;
			})
			.toList();
		assertPagesEqual(query, size, expected);
	}

	@Test
	void anOrderByAnInexactAggregatePagesByOffset() {
		Aggregate average = Aggregate.of(dev.faultline.query.Function.AVG, Expression.field(ERRORS, "issue.id"));
		Query query = rows(PROJECT).select(LEVEL, average).groupBy(LEVEL).orderBy(Order.desc(average)).build();
		assertThat(query.seekable()).isFalse();
		List<List<@Nullable Object>> all = run(query).rows();
		QueryResult first = run(rows(PROJECT).select(LEVEL, average)
			.groupBy(LEVEL)
			.orderBy(Order.desc(average))
			.page(Cursor.FIRST, 3)
			.build());
		assertThat(first.paging().next()).hasToString("0:3:0");
		assertThat(first.paging().hasNext()).isTrue();
		assertThat(first.rows()).containsExactlyElementsOf(all.subList(0, 3));
		QueryResult second = run(rows(PROJECT).select(LEVEL, average)
			.groupBy(LEVEL)
			.orderBy(Order.desc(average))
			.page(Cursor.parse("0:3:0"), 3)
			.build());
		assertThat(second.rows()).containsExactlyElementsOf(all.subList(3, all.size()));
		assertThat(second.paging().hasNext()).isFalse();
		assertThat(second.paging().previous()).hasToString("0:0:1");
	}

	@Test
	void aCursorOfAnotherOrderIsRefused() {
		QueryResult page = run(rows(PROJECT).select(ID, LEVEL).orderBy(Order.asc(LEVEL)).page(Cursor.FIRST, 5).build());
		Cursor next = Cursor.parse(page.paging().next().toString());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows(PROJECT).select(ID).orderBy(Order.desc(TIMESTAMP)).page(next, 5).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows(PROJECT).select(LEVEL, COUNT).groupBy(LEVEL).page(next, 5).build());
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("listingPageSizes")
	void theIssueEventListPagesNewestFirstThroughTiedTimestamps(int limit) {
		List<String> expected = this.events.stream()
			.filter((event) -> event.projectId() == TIES_PROJECT)
			.sorted(Comparator.comparing(StoredEvent::timestamp)
				.thenComparing(StoredEvent::eventId, QueryCursorContract::utf8Order)
				.reversed())
			.map(StoredEvent::eventId)
			.toList();
		assertListingPages((cursor) -> store().listByIssue(TIES_PROJECT, TIES_ISSUE, null, cursor, limit), expected);

		EventSearch search = new EventSearch("level:error", this.base.plus(4, ChronoUnit.DAYS));
		List<String> errors = this.events.stream()
			.filter((event) -> event.projectId() == TIES_PROJECT && event.level().equals("error"))
			.sorted(Comparator.comparing(StoredEvent::timestamp)
				.thenComparing(StoredEvent::eventId, QueryCursorContract::utf8Order)
				.reversed())
			.map(StoredEvent::eventId)
			.toList();
		assertListingPages((cursor) -> store().listByIssue(TIES_PROJECT, TIES_ISSUE, search, cursor, limit), errors);
	}

	@ParameterizedTest(name = "page of {0}")
	@MethodSource("pageSizes")
	void theProjectEventListPagesNewestFirstAcrossIssues(int limit) {
		List<String> expected = project(PROJECT).stream()
			.sorted(Comparator.comparing(StoredEvent::timestamp)
				.thenComparing(StoredEvent::eventId, QueryCursorContract::utf8Order)
				.reversed())
			.map(StoredEvent::eventId)
			.toList();
		assertListingPages((cursor) -> store().listByProject(PROJECT, null, cursor, limit), expected);

		EventSearch search = new EventSearch("level:error", this.base.plus(4, ChronoUnit.DAYS));
		List<String> errors = project(PROJECT).stream()
			.filter((event) -> event.level().equals("error"))
			.sorted(Comparator.comparing(StoredEvent::timestamp)
				.thenComparing(StoredEvent::eventId, QueryCursorContract::utf8Order)
				.reversed())
			.map(StoredEvent::eventId)
			.toList();
		assertListingPages((cursor) -> store().listByProject(PROJECT, search, cursor, limit), errors);
	}

	/**
	 * Follows next cursors from the first page to the last, then previous cursors back to
	 * the first, each cursor passed as text; both walks must yield {@code expected}.
	 */
	private void assertPagesEqual(Query.Builder query, int size, List<List<@Nullable Object>> expected) {
		Query paged = query.page(Cursor.FIRST, size).build();
		assertThat(paged.seekable()).isTrue();
		List<List<@Nullable Object>> forward = new ArrayList<>();
		QueryResult page = run(paged);
		assertThat(page.paging().hasPrevious()).isFalse();
		int pages = 1;
		forward.addAll(page.rows());
		while (page.paging().hasNext()) {
			Cursor next = Cursor.parse(page.paging().next().toString());
			assertThat(next.keyed()).as("a seekable query hands out key cursors").isTrue();
			page = run(paged.at(next));
			assertThat(page.rows()).isNotEmpty();
			assertThat(page.paging().hasPrevious()).isTrue();
			forward.addAll(page.rows());
			assertThat(pages++).as("pages").isLessThan(expected.size() + 2);
		}
		assertThat(forward).as("forward, pages of %d", size).containsExactlyElementsOf(expected);

		List<List<@Nullable Object>> backward = new ArrayList<>(page.rows());
		while (page.paging().hasPrevious()) {
			page = run(paged.at(Cursor.parse(page.paging().previous().toString())));
			assertThat(page.rows()).isNotEmpty();
			assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
			backward.addAll(0, page.rows());
			assertThat(pages--).as("pages").isGreaterThan(-2);
		}
		assertThat(backward).as("backward, pages of %d", size).containsExactlyElementsOf(expected);
	}

	private static void assertListingPages(Function<Cursor, Page<StoredEvent>> list, List<String> expected) {
		List<String> forward = new ArrayList<>();
		Page<StoredEvent> page = list.apply(Cursor.FIRST);
		page.items().forEach((event) -> forward.add(event.eventId()));
		while (page.paging().hasNext()) {
			page = list.apply(Cursor.parse(page.paging().next().toString()));
			page.items().forEach((event) -> forward.add(event.eventId()));
		}
		assertThat(forward).containsExactlyElementsOf(expected);
		List<String> backward = new ArrayList<>(page.items().stream().map(StoredEvent::eventId).toList());
		while (page.paging().hasPrevious()) {
			page = list.apply(Cursor.parse(page.paging().previous().toString()));
			backward.addAll(0, page.items().stream().map(StoredEvent::eventId).toList());
		}
		assertThat(backward).containsExactlyElementsOf(expected);
	}

	private Query.Builder rows(long projectId) {
		return Query.builder(ERRORS, List.of(projectId), range());
	}

	private TimeRange range() {
		return new TimeRange(this.base, this.base.plus(4, ChronoUnit.DAYS));
	}

	private QueryResult run(Query query) {
		return store().run(query);
	}

	private EventStore store() {
		return Objects.requireNonNull(this.store);
	}

	private List<StoredEvent> project(long projectId) {
		return this.events.stream().filter((event) -> event.projectId() == projectId).toList();
	}

	/**
	 * The project's events in the order of {@code keys}, then the rows' tie-breakers:
	 * timestamp, project and event id ascending.
	 */
	@SafeVarargs
	private List<StoredEvent> expectedRows(long projectId, Comparator<StoredEvent>... keys) {
		Comparator<StoredEvent> order = Comparator.comparing((event) -> 0);
		for (Comparator<StoredEvent> key : keys) {
			order = order.thenComparing(key);
		}
		order = order.thenComparing(StoredEvent::timestamp)
			.thenComparing(StoredEvent::projectId)
			.thenComparing(StoredEvent::eventId, QueryCursorContract::utf8Order);
		return project(projectId).stream().sorted(order).toList();
	}

	private static List<List<@Nullable Object>> ids(List<StoredEvent> events) {
		return events.stream().map((event) -> List.<@Nullable Object>of(event.eventId())).toList();
	}

	/**
	 * One sort key as engines order it: text by UTF-8 bytes, missing values last in
	 * either direction.
	 */
	private static <T extends Comparable<T>> Comparator<StoredEvent> key(Function<StoredEvent, @Nullable T> extractor,
			boolean descending) {
		return (a, b) -> {
			T x = extractor.apply(a);
			T y = extractor.apply(b);
			if (x == null || y == null) {
				return (x == null) ? ((y == null) ? 0 : 1) : -1;
			}
			int compared = (x instanceof String s && y instanceof String t) ? utf8Order(s, t) : x.compareTo(y);
			return descending ? -compared : compared;
		};
	}

	/** Group keys ascending, missing values last. */
	private static int compareKeys(List<@Nullable Object> a, List<@Nullable Object> b) {
		for (int i = 0; i < a.size(); i++) {
			Object x = a.get(i);
			Object y = b.get(i);
			if (x == null || y == null) {
				if (x != y) {
					return (x == null) ? 1 : -1;
				}
				continue;
			}
			int compared = utf8Order((String) x, (String) y);
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	}

	/** Engines order text by its UTF-8 bytes. */
	private static int utf8Order(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
