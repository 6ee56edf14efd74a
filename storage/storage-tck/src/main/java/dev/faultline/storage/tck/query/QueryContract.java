package dev.faultline.storage.tck.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.faultline.storage.tck.query.QuerySeed.OTHER_PROJECT;
import static dev.faultline.storage.tck.query.QuerySeed.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The query model's TCK: a store's {@code run(Query)} over {@link QuerySeed}'s events
 * (each written twice, so an engine that keeps duplicate copies must not count them),
 * checked against the same answer computed here in plain Java — every function, grouping
 * by columns, tags and tag pairs, conditions with hostile values, conditions from
 * Sentry's search syntax, interval buckets, group conditions, per-group limits, ordering,
 * and paging by offset (every row exactly once).
 *
 * <p>
 * A subclass provides {@link #createStore()} over fresh, empty storage; the suite seeds
 * it once and closes it after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryContract {

	private static final Dataset ERRORS = Datasets.ERRORS;

	private static final Expression LEVEL = Expression.field(ERRORS, "level");

	private static final Expression RELEASE = Expression.field(ERRORS, "release");

	private static final Expression ISSUE = Expression.field(ERRORS, "issue.id");

	private static final Expression TIMESTAMP = Expression.field(ERRORS, "timestamp");

	private static final Expression TITLE = Expression.field(ERRORS, "title");

	private static final Expression EMAIL = Expression.field(ERRORS, "user.email");

	private static final Expression ID = Expression.field(ERRORS, "id");

	private static final Expression TAG_KEY = Expression.field(ERRORS, Datasets.TAG_KEY);

	private static final Expression TAG_VALUE = Expression.field(ERRORS, Datasets.TAG_VALUE);

	private static final Expression BROWSER = Expression.tag("browser");

	private static final Expression HOSTILE_TAG = Expression.tag("hostile");

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
		this.events = QuerySeed.events(this.base);
		this.store.write(this.events);
		// A replay writes the same events again: answers must not change.
		this.store.write(this.events.subList(0, this.events.size() / 2));
	}

	@AfterAll
	void close() {
		if (this.store != null) {
			this.store.close();
		}
	}

	@Test
	void everyFunctionOverAllRowsOfAProject() {
		List<Aggregate> functions = List.of(COUNT, Aggregate.of(Function.COUNT_UNIQUE, EMAIL),
				Aggregate.of(Function.COUNT_UNIQUE, BROWSER), Aggregate.of(Function.AVG, ISSUE),
				Aggregate.of(Function.SUM, ISSUE), Aggregate.of(Function.MIN, ISSUE), Aggregate.of(Function.MAX, ISSUE),
				Aggregate.of(Function.MIN, TIMESTAMP), Aggregate.of(Function.MAX, TIMESTAMP),
				Aggregate.percentile(ISSUE, 0.5), Aggregate.percentile(ISSUE, 0.75), Aggregate.percentile(ISSUE, 0.95),
				Aggregate.percentile(ISSUE, 0.99), Aggregate.percentile(ISSUE, 0.33), Aggregate.percentile(ISSUE, 0),
				Aggregate.percentile(ISSUE, 1), Aggregate.lastSeen(), Aggregate.firstSeen(),
				Aggregate.of(Function.ANY, LEVEL));
		QueryResult result = run(query().select(functions.toArray(Expression[]::new)).build());

		List<StoredEvent> rows = project(PROJECT);
		assertThat(result.rows()).hasSize(1);
		for (int i = 0; i < functions.size(); i++) {
			assertValue(functions.get(i), result.value(0, i), rows);
		}
	}

	@Test
	void functionsPerGroup() {
		List<Expression> select = List.of(LEVEL, COUNT, Aggregate.of(Function.COUNT_UNIQUE, BROWSER),
				Aggregate.of(Function.AVG, ISSUE), Aggregate.percentile(ISSUE, 0.95), Aggregate.lastSeen(),
				Aggregate.of(Function.ANY, RELEASE));
		QueryResult result = run(
				query().select(select.toArray(Expression[]::new)).groupBy(LEVEL).orderBy(Order.asc(LEVEL)).build());

		Map<String, List<StoredEvent>> groups = new TreeMap<>(
				project(PROJECT).stream().collect(Collectors.groupingBy(StoredEvent::level)));
		assertThat(result.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(groups.keySet());
		int index = 0;
		for (List<StoredEvent> group : groups.values()) {
			for (int i = 1; i < select.size(); i++) {
				assertValue((Aggregate) select.get(i), result.value(index, i), group);
			}
			index++;
		}
	}

	@Test
	void equationsBetweenFunctionsPerGroupSortedByAnEquation() {
		FieldParser parser = new FieldParser(ERRORS);
		Expression ratio = parser.parse("equation|count() / count_unique(user.email) * 100").expression();
		Expression shifted = parser.parse("equation|(max(issue.id) - min(issue.id)) * 2 + 0.5").expression();
		Expression byZero = parser.parse("equation|count() / (count() - count())").expression();
		QueryResult result = run(query().select(LEVEL, ratio, shifted, byZero)
			.groupBy(LEVEL)
			.orderBy(Order.desc(ratio))
			.page(0, 100)
			.build());

		Map<String, List<StoredEvent>> groups = project(PROJECT).stream()
			.collect(Collectors.groupingBy(StoredEvent::level));
		List<Map.Entry<String, Double>> expected = new ArrayList<>();
		for (Map.Entry<String, List<StoredEvent>> group : groups.entrySet()) {
			long users = group.getValue()
				.stream()
				.map(QueryContract::email)
				.filter(Objects::nonNull)
				.distinct()
				.count();
			assertThat(users).isPositive();
			expected.add(Map.entry(group.getKey(), group.getValue().size() * 100.0 / users));
		}
		// Ties go to the group key, ascending: the query's total order.
		expected
			.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		assertThat(result.rows()).extracting((row) -> row.get(0))
			.containsExactlyElementsOf(expected.stream().map(Map.Entry::getKey).toList());
		for (int i = 0; i < result.rows().size(); i++) {
			List<StoredEvent> group = groups.get((String) result.value(i, 0));
			assertThat((Double) result.value(i, 1)).isCloseTo(expected.get(i).getValue(), within(1e-9));
			long max = group.stream().mapToLong(StoredEvent::issueId).max().orElseThrow();
			long min = group.stream().mapToLong(StoredEvent::issueId).min().orElseThrow();
			assertThat((Double) result.value(i, 2)).isCloseTo((max - min) * 2 + 0.5, within(1e-9));
			assertThat(result.value(i, 3)).as("a division by zero is missing").isNull();
		}
		assertThat(result.columns().get(1).name()).isEqualTo("equation|count() / count_unique(user.email) * 100");
		assertThat(result.metaFields()).containsEntry("equation|count() / count_unique(user.email) * 100", "number");
	}

	@Test
	void equationsBetweenColumnsPerRowAndAsAConditionOnGroups() {
		FieldParser parser = new FieldParser(ERRORS);
		Expression doubled = parser.parse("equation|issue.id * 2 - 1").expression();
		QueryResult rows = run(query().select(ID, doubled).page(0, Query.MAX_LIMIT).build());
		Map<String, Long> issues = project(PROJECT).stream()
			.collect(Collectors.toMap(StoredEvent::eventId, StoredEvent::issueId, (a, b) -> a));
		assertThat(rows.rows()).hasSize(issues.size());
		for (List<@Nullable Object> row : rows.rows()) {
			assertThat((Double) row.get(1)).isEqualTo(issues.get((String) row.get(0)) * 2.0 - 1);
		}

		Expression share = parser.parse("equation|count() * 1.0 / 10").expression();
		QueryResult groups = run(query().select(ISSUE, share)
			.groupBy(ISSUE)
			.where(new Condition.Compare(share, Condition.Operator.GREATER, 3.5))
			.orderBy(Order.asc(ISSUE))
			.page(0, 100)
			.build());
		Map<Long, Long> counts = new TreeMap<>(
				project(PROJECT).stream().collect(Collectors.groupingBy(StoredEvent::issueId, Collectors.counting())));
		List<Long> kept = counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() / 10.0 > 3.5)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(kept).isNotEmpty().hasSizeLessThan(counts.size());
		assertThat(groups.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(kept);
	}

	@Test
	void groupsByANullableColumnAndATagMissingInSomeRows() {
		QueryResult result = run(
				query().select(RELEASE, BROWSER, COUNT).groupBy(RELEASE, BROWSER).page(0, Query.MAX_LIMIT).build());

		Map<List<@Nullable Object>, Long> expected = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			expected.merge(Arrays.asList(event.release(), event.tags().get("browser")), 1L, Long::sum);
		}
		assertThat(asCounts(result)).isEqualTo(expected);
	}

	@Test
	void tagPairsHoldTagsAndBuiltInKeys() {
		QueryResult result = run(
				query().select(TAG_KEY, TAG_VALUE, COUNT).groupBy(TAG_KEY, TAG_VALUE).page(0, Query.MAX_LIMIT).build());

		Map<List<@Nullable Object>, Long> expected = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			pairs(event).forEach((key, value) -> expected.merge(Arrays.asList(key, value), 1L, Long::sum));
		}
		assertThat(asCounts(result)).isEqualTo(expected);
	}

	static Stream<String> hostile() {
		return QuerySeed.HOSTILE.stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("hostile")
	void conditionsWithHostileValuesMatchExactly(String value) {
		assertCount(new Condition.Compare(HOSTILE_TAG, Condition.Operator.EQUALS, value),
				(event) -> value.equals(event.tags().get("hostile")));
		assertCount(new Condition.Compare(RELEASE, Condition.Operator.EQUALS, value),
				(event) -> value.equals(event.release()));
		assertCount(new Condition.Not(new Condition.Compare(RELEASE, Condition.Operator.EQUALS, value)),
				(event) -> !value.equals(event.release()));
		assertCount(new Condition.Like(TITLE, List.of("", value, ""), false), (event) -> event.title().contains(value));
		assertCount(new Condition.Like(HOSTILE_TAG, List.of(value, ""), true),
				(event) -> lower(event.tags().getOrDefault("hostile", "")).startsWith(lower(value)));
		assertCount(new Condition.In(EMAIL, List.of(value, "user1@example.com")), (event) -> {
			String email = email(event);
			return value.equals(email) || "user1@example.com".equals(email);
		});
		assertCount(new Condition.HasTag(value), (event) -> event.tags().containsKey(value));
		assertCount(new Condition.Compare(Expression.tag(value), Condition.Operator.EQUALS, "value of a hostile key"),
				(event) -> "value of a hostile key".equals(event.tags().get(value)));

		QueryResult pairs = run(query().select(COUNT)
			.where(new Condition.Compare(TAG_VALUE, Condition.Operator.EQUALS, value))
			.build());
		long expected = project(PROJECT).stream()
			.mapToLong((event) -> pairs(event).values().stream().filter(value::equals).count())
			.sum();
		assertThat(pairs.value(0, 0)).isEqualTo(expected);
	}

	@Test
	void missingTextComparesAsEmpty() {
		assertCount(new Condition.Compare(RELEASE, Condition.Operator.EQUALS, ""), (event) -> event.release() == null);
		assertCount(new Condition.Compare(BROWSER, Condition.Operator.NOT_EQUALS, "Chrome 120"),
				(event) -> !"Chrome 120".equals(event.tags().get("browser")));
		assertCount(new Condition.AnyOf(List.of()), (event) -> false);
		assertCount(new Condition.AllOf(List.of()), (event) -> true);
	}

	@Test
	void conditionsFromSentrySearchSyntax() {
		Instant now = this.base.plus(3, ChronoUnit.DAYS);
		SearchConditions search = new SearchConditions(ERRORS);
		Map<String, Predicate<StoredEvent>> cases = new LinkedHashMap<>();
		cases.put("level:error browser:Chrome*", (event) -> event.level().equals("error")
				&& event.tags().getOrDefault("browser", "").startsWith("Chrome"));
		cases.put("!has:release", (event) -> event.release() == null);
		cases.put("has:browser !browser:[\"Safari 17\", *fox*]", (event) -> {
			String browser = event.tags().get("browser");
			return browser != null && !browser.equals("Safari 17") && !browser.contains("fox");
		});
		cases.put("timeouterror", (event) -> lower(event.title()).contains("timeouterror")
				|| lower(event.message()).contains("timeouterror") || lower(event.culprit()).contains("timeouterror"));
		cases.put("timestamp:-24h", (event) -> !event.timestamp().isBefore(now.minus(24, ChronoUnit.HOURS)));
		cases.put("event.type:default", (event) -> event.payload().contains("\"default\""));
		cases.put("user.email:*@example.com environment:production", (event) -> {
			String email = email(event);
			return email != null && email.endsWith("@example.com") && "production".equals(event.environment());
		});
		cases.forEach((text, predicate) -> assertThat(count(search.parse(text, now))).as(text)
			.isEqualTo(project(PROJECT).stream().filter(predicate).count()));
	}

	@Test
	void intervalBucketsCountWithinTheRange() {
		Instant from = this.base.plus(1, ChronoUnit.DAYS).plusMillis(1234);
		Instant to = from.plus(1, ChronoUnit.DAYS);
		Duration interval = Duration.ofMinutes(90);
		QueryResult result = run(Query.builder(ERRORS, List.of(PROJECT), new TimeRange(from, to))
			.select(LEVEL, COUNT)
			.groupBy(LEVEL)
			.interval(interval)
			.page(0, Query.MAX_LIMIT)
			.build());

		assertThat(result.columns().get(0).name()).isEqualTo("time");
		Map<List<@Nullable Object>, Long> expected = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			if (!event.timestamp().isBefore(from) && event.timestamp().isBefore(to)) {
				long bucket = (event.timestamp().toEpochMilli() - from.toEpochMilli()) / interval.toMillis();
				expected.merge(Arrays.asList(from.plusMillis(bucket * interval.toMillis()), event.level()), 1L,
						Long::sum);
			}
		}
		assertThat(asCounts(result)).isEqualTo(expected);
		// Buckets come oldest first (every group key ascends after the query's order).
		List<Instant> times = result.rows().stream().map((row) -> (Instant) row.get(0)).toList();
		assertThat(times).isSorted();
	}

	@Test
	void rowsPageInATotalOrderEachExactlyOnce() {
		List<String> paged = new ArrayList<>();
		for (int offset = 0;; offset += 7) {
			QueryResult page = run(
					query().select(ID, LEVEL, TIMESTAMP).orderBy(Order.asc(LEVEL)).page(offset, 7).build());
			page.rows().forEach((row) -> paged.add((String) row.get(0)));
			if (page.rows().size() < 7) {
				break;
			}
		}
		List<String> expected = project(PROJECT).stream()
			.sorted(Comparator.comparing(StoredEvent::level)
				.thenComparing(StoredEvent::timestamp)
				.thenComparing(StoredEvent::eventId))
			.map(StoredEvent::eventId)
			.toList();
		assertThat(paged).containsExactlyElementsOf(expected);
	}

	@Test
	void groupsPageEachExactlyOnceInTheirOrder() {
		List<List<@Nullable Object>> paged = new ArrayList<>();
		for (int offset = 0;; offset += 3) {
			QueryResult page = run(query().select(RELEASE, BROWSER, COUNT)
				.groupBy(RELEASE, BROWSER)
				.orderBy(Order.desc(COUNT))
				.page(offset, 3)
				.build());
			paged.addAll(page.rows());
			if (page.rows().size() < 3) {
				break;
			}
		}
		Set<List<@Nullable Object>> keys = new HashSet<>();
		for (List<@Nullable Object> row : paged) {
			assertThat(keys.add(row.subList(0, 2))).as("group seen once: %s", row).isTrue();
		}
		assertThat(paged).extracting((row) -> (Long) row.get(2)).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(paged).hasSize(
				run(query().select(RELEASE, BROWSER, COUNT).groupBy(RELEASE, BROWSER).page(0, Query.MAX_LIMIT).build())
					.rows()
					.size());
	}

	@Test
	void conditionsOnAggregatesFilterGroups() {
		QueryResult result = run(query().select(ISSUE, COUNT)
			.where(new Condition.Compare(COUNT, Condition.Operator.GREATER, 35L))
			.groupBy(ISSUE)
			.orderBy(Order.asc(ISSUE))
			.build());

		Map<Long, Long> counts = new TreeMap<>(
				project(PROJECT).stream().collect(Collectors.groupingBy(StoredEvent::issueId, Collectors.counting())));
		counts.values().removeIf((count) -> count <= 35);
		assertThat(result.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(counts.keySet());
		assertThat(result.rows()).extracting((row) -> row.get(1)).containsExactlyElementsOf(counts.values());
	}

	@Test
	void perGroupLimitKeepsTheTopRowsOfEachKey() {
		QueryResult result = run(query().select(TAG_KEY, TAG_VALUE, COUNT)
			.groupBy(TAG_KEY, TAG_VALUE)
			.orderBy(Order.desc(COUNT), Order.asc(TAG_VALUE))
			.perGroup(2, TAG_KEY)
			.page(0, Query.MAX_LIMIT)
			.build());

		Map<String, Map<String, Long>> counts = new HashMap<>();
		for (StoredEvent event : project(PROJECT)) {
			pairs(event).forEach(
					(key, value) -> counts.computeIfAbsent(key, (k) -> new HashMap<>()).merge(value, 1L, Long::sum));
		}
		Map<String, List<String>> expected = new HashMap<>();
		counts.forEach((key, values) -> expected.put(key,
				values.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue()
						.reversed()
						.thenComparing(Map.Entry.comparingByKey(QueryContract::utf8Order)))
					.limit(2)
					.map(Map.Entry::getKey)
					.toList()));
		Map<String, List<String>> actual = new HashMap<>();
		for (List<@Nullable Object> row : result.rows()) {
			actual.computeIfAbsent((String) row.get(0), (k) -> new ArrayList<>()).add((String) row.get(1));
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void everyQueryIsScopedToItsProjects() {
		Query other = Query.builder(ERRORS, List.of(OTHER_PROJECT), TimeRange.ALL).select(COUNT).build();
		Query both = Query.builder(ERRORS, List.of(PROJECT, OTHER_PROJECT), TimeRange.ALL).select(COUNT).build();
		Query none = Query.builder(ERRORS, List.of(999L), TimeRange.ALL).select(COUNT).build();

		assertThat(run(other).value(0, 0)).isEqualTo((long) project(OTHER_PROJECT).size());
		assertThat(run(both).value(0, 0)).isEqualTo((long) this.events.size());
		assertThat(run(none).value(0, 0)).isEqualTo(0L);
	}

	@Test
	void resultColumnsAnswerSentrysMeta() {
		QueryResult result = run(query().select(LEVEL, COUNT, Aggregate.of(Function.AVG, ISSUE), Aggregate.lastSeen())
			.groupBy(LEVEL)
			.interval(Duration.ofDays(1))
			.build());

		assertThat(result.metaFields()).containsExactly(Map.entry("time", "date"), Map.entry("level", "string"),
				Map.entry("count()", "integer"), Map.entry("avg(issue.id)", "number"),
				Map.entry("last_seen()", "date"));
		assertThat(result.metaUnits()).containsOnlyKeys("time", "level", "count()", "avg(issue.id)", "last_seen()");
	}

	private Query.Builder query() {
		return Query.builder(ERRORS, List.of(PROJECT), new TimeRange(this.base, this.base.plus(4, ChronoUnit.DAYS)));
	}

	private QueryResult run(Query query) {
		return Objects.requireNonNull(this.store).run(query);
	}

	private long count(List<Condition> conditions) {
		return (Long) Objects.requireNonNull(run(query().select(COUNT).where(conditions).build()).value(0, 0));
	}

	private void assertCount(Condition condition, Predicate<StoredEvent> predicate) {
		assertThat(count(List.of(condition))).as("%s", condition)
			.isEqualTo(project(PROJECT).stream().filter(predicate).count());
	}

	private List<StoredEvent> project(long projectId) {
		return this.events.stream().filter((event) -> event.projectId() == projectId).toList();
	}

	private static Map<List<@Nullable Object>, Long> asCounts(QueryResult result) {
		Map<List<@Nullable Object>, Long> counts = new HashMap<>();
		int last = result.columns().size() - 1;
		for (List<@Nullable Object> row : result.rows()) {
			assertThat(counts.put(row.subList(0, last), (Long) row.get(last))).as("group %s once", row).isNull();
		}
		return counts;
	}

	/**
	 * An event's tag pairs: its tags, plus level, environment and release where present
	 * and not a tag.
	 */
	private static Map<String, String> pairs(StoredEvent event) {
		Map<String, String> pairs = new HashMap<>(event.tags());
		pairs.putIfAbsent("level", event.level());
		if (event.environment() != null) {
			pairs.putIfAbsent("environment", event.environment());
		}
		if (event.release() != null) {
			pairs.putIfAbsent("release", event.release());
		}
		return pairs;
	}

	private static @Nullable String email(StoredEvent event) {
		EventUser user = event.user();
		return (user != null) ? user.email() : null;
	}

	private static String lower(String text) {
		return text.toLowerCase(java.util.Locale.ROOT);
	}

	/** Engines order text by its UTF-8 bytes. */
	private static int utf8Order(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Object read(Expression expression, StoredEvent event) {
		if (expression instanceof Expression.Tag tag) {
			return event.tags().get(tag.key());
		}
		return switch (expression.name()) {
			case "issue.id" -> event.issueId();
			case "timestamp" -> event.timestamp();
			case "level" -> event.level();
			case "release" -> event.release();
			case "user.email" -> email(event);
			default -> throw new IllegalArgumentException("not read by this suite: " + expression.name());
		};
	}

	/**
	 * Checks one function's answer over rows against the same computed here.
	 */
	private static void assertValue(Aggregate aggregate, @Nullable Object actual, List<StoredEvent> rows) {
		String name = aggregate.name();
		List<@Nullable Object> values = new ArrayList<>();
		if (aggregate.argument() != null) {
			rows.forEach((event) -> values.add(read(aggregate.argument(), event)));
		}
		List<Object> present = values.stream().filter(Objects::nonNull).map(Object.class::cast).toList();
		List<Double> numbers = present.stream()
			.filter(Number.class::isInstance)
			.map((value) -> ((Number) value).doubleValue())
			.sorted()
			.toList();
		switch (aggregate.function()) {
			case COUNT -> assertThat(actual).as(name).isEqualTo((long) rows.size());
			case COUNT_UNIQUE -> assertThat(actual).as(name).isEqualTo((long) new HashSet<>(present).size());
			case AVG -> assertThat((Double) actual).as(name)
				.isCloseTo(numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
			case SUM ->
				assertThat(actual).as(name).isEqualTo(present.stream().mapToLong((value) -> (Long) value).sum());
			case MIN ->
				assertThat(actual).as(name).isEqualTo(present.stream().min(QueryContract::compare).orElseThrow());
			case MAX ->
				assertThat(actual).as(name).isEqualTo(present.stream().max(QueryContract::compare).orElseThrow());
			case PERCENTILE ->
				assertThat((Double) actual).as(name).isCloseTo(percentile(numbers, aggregate.quantile()), within(1e-9));
			case ANY -> assertThat(values).as(name).contains(actual);
			// FIRST_SEEN
			case LAST_SEEN -> assertThat(actual).as(name)
				.isEqualTo(rows.stream().map(StoredEvent::timestamp).max(Comparator.naturalOrder()).orElseThrow());
			default -> assertThat(actual).as(name)
				.isEqualTo(rows.stream().map(StoredEvent::timestamp).min(Comparator.naturalOrder()).orElseThrow());
		}
	}

	@SuppressWarnings("unchecked")
	private static int compare(Object a, Object b) {
		return ((Comparable<Object>) a).compareTo(b);
	}

	/** Linear interpolation at rank (n - 1) · q over sorted values. */
	private static double percentile(List<Double> sorted, double quantile) {
		double rank = (sorted.size() - 1) * quantile;
		int low = (int) Math.floor(rank);
		int high = Math.min(low + 1, sorted.size() - 1);
		return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
	}

}
