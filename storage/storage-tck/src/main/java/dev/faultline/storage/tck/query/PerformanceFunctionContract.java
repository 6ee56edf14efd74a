package dev.faultline.storage.tck.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.query.WebVitals;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The performance functions of the query model ({@code count_if}, {@code epm()},
 * {@code tpm()}, {@code eps()}, {@code failure_rate()}, {@code failure_count()},
 * {@code apdex(T)}, {@code count_miserable}, {@code user_misery},
 * {@code count_web_vitals}) and extrapolation by sample weight, over
 * {@link Datasets#TRANSACTIONS} and {@link Datasets#SPANS}: each answer checked against
 * the definition computed here in plain Java from the seed. The functions are read from
 * Sentry's field strings by {@link FieldParser}, as the API reads them.
 *
 * <p>
 * A subclass provides {@link #createStorage()} over fresh, empty storage; the suite seeds
 * it once and closes it after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerformanceFunctionContract {

	private static final long PROJECT = 21;

	private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

	/** The range every query reads: 180 minutes around the seed. */
	private static final TimeRange RANGE = new TimeRange(T0.minus(1, ChronoUnit.HOURS), T0.plus(2, ChronoUnit.HOURS));

	private static final String[] STATUSES = { "ok", "internal_error", "cancelled", "unknown", null,
			"deadline_exceeded", "ok" };

	private static final Dataset TRANSACTIONS = Datasets.TRANSACTIONS;

	private final List<StoredSpan> seed = new ArrayList<>();

	private @Nullable EventStorage storage;

	/**
	 * Opens event storage over fresh, empty storage.
	 */
	protected abstract EventStorage createStorage() throws Exception;

	@BeforeAll
	void seed() throws Exception {
		this.storage = createStorage();
		for (int i = 0; i < 60; i++) {
			double duration = (i * 97) % 2000 + 0.5;
			Instant end = T0.plus(i, ChronoUnit.MINUTES).plusMillis(i * 13);
			Instant start = end.minus((long) (duration * 1000), ChronoUnit.MICROS);
			Map<String, Measurement> measurements = new HashMap<>();
			if (i % 2 == 0) {
				measurements.put("lcp", new Measurement((i * 137) % 6000, "millisecond"));
			}
			if (i % 3 == 0) {
				measurements.put("cls", new Measurement((i % 30) / 100.0, "none"));
			}
			EventUser user = (i % 7 == 0) ? null : new EventUser("u" + (i % 9), null, null, null);
			double weight = (i % 4 == 0) ? 4.0 : (i % 4 == 1) ? 2.0 : 1.0;
			String spanId = String.format("%016x", 0xabc000L + i);
			String name = "/" + (char) ('a' + i % 3);
			this.seed.add(new StoredSpan(PROJECT, String.format("%032x", 0xfeed0000L + i), spanId, null, spanId,
					String.format("%032x", 0xbeef0000L + i), true, start, end, duration, duration, end, "http.server",
					name, STATUSES[i % STATUSES.length], name, "1.0", "production", "javascript", "sentry.javascript",
					user, weight, measurements, Map.of(), Map.of()));
		}
		this.storage.spanWriter().writeSpans(this.seed);
		// A replay writes them again: answers must not change.
		this.storage.spanWriter().writeSpans(this.seed.subList(0, 20));
	}

	@AfterAll
	void close() {
		if (this.storage != null) {
			this.storage.close();
		}
	}

	@Test
	void extrapolatedFunctionsOverAllTransactions() {
		List<String> fields = List.of("count()", "count_if(transaction.duration,greater,300)",
				"count_if(transaction.status,equals,ok)", "failure_count()", "failure_rate()", "apdex(300)", "apdex()",
				"apdex(1000)", "epm()", "tpm()", "eps()", "count_miserable(user,300)", "user_misery(300)",
				"count_web_vitals(measurements.lcp,good)", "count_web_vitals(measurements.lcp,meh)",
				"count_web_vitals(measurements.lcp,poor)", "count_web_vitals(measurements.lcp,any)",
				"count_web_vitals(measurements.cls,poor)");
		QueryResult result = run(TRANSACTIONS, fields, List.of(), true);

		assertThat(result.rows()).hasSize(1);
		for (int i = 0; i < fields.size(); i++) {
			assertThat(result.value(0, i)).as(fields.get(i)).satisfies(expected(fields.get(i), this.seed, true));
		}
	}

	@Test
	void withoutExtrapolationEveryRowCountsOnce() {
		List<String> fields = List.of("count()", "count_if(transaction.duration,lessOrEquals,300)", "failure_rate()",
				"apdex(300)", "epm()", "count_web_vitals(measurements.lcp,good)");
		QueryResult result = run(TRANSACTIONS, fields, List.of(), false);

		for (int i = 0; i < fields.size(); i++) {
			assertThat(result.value(0, i)).as(fields.get(i)).satisfies(expected(fields.get(i), this.seed, false));
		}
	}

	@Test
	void functionsPerTransactionOrderedByTheirValue() {
		List<String> fields = List.of("transaction", "count()", "failure_rate()", "apdex(500)", "tpm()",
				"user_misery(300)", "count_web_vitals(measurements.lcp,poor)");
		FieldParser parser = new FieldParser(TRANSACTIONS);
		Expression transaction = parser.parse("transaction").expression();
		QueryResult result = run(Query.builder(TRANSACTIONS, List.of(PROJECT), RANGE)
			.select(fields.stream().map((f) -> parser.parse(f).expression()).toArray(Expression[]::new))
			.groupBy(transaction)
			.orderBy(Order.desc(parser.parse("count()").expression()))
			.extrapolated(true)
			.build());

		Map<String, List<StoredSpan>> groups = this.seed.stream()
			.collect(Collectors.groupingBy(StoredSpan::transaction, TreeMap::new, Collectors.toList()));
		List<String> byCount = groups.keySet()
			.stream()
			.sorted((a, b) -> Long.compare(Math.round(weight(groups.get(b))), Math.round(weight(groups.get(a)))))
			.toList();
		assertThat(result.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(byCount);
		for (int row = 0; row < result.rows().size(); row++) {
			List<StoredSpan> group = groups.get((String) result.value(row, 0));
			for (int i = 1; i < fields.size(); i++) {
				assertThat(result.value(row, i)).as(fields.get(i)).satisfies(expected(fields.get(i), group, true));
			}
		}
	}

	@Test
	void ratesPerBucketDivideByTheBucket() {
		FieldParser parser = new FieldParser(TRANSACTIONS);
		Duration interval = Duration.ofMinutes(20);
		QueryResult result = run(Query.builder(TRANSACTIONS, List.of(PROJECT), RANGE)
			.select(parser.parse("epm()").expression(), parser.parse("eps()").expression(),
					parser.parse("count()").expression())
			.interval(interval)
			.extrapolated(true)
			.build());

		Map<Instant, List<StoredSpan>> buckets = new TreeMap<>();
		for (StoredSpan span : this.seed) {
			long index = Duration.between(RANGE.from(), span.end()).toMillis() / interval.toMillis();
			buckets.computeIfAbsent(RANGE.from().plus(interval.multipliedBy(index)), (k) -> new ArrayList<>())
				.add(span);
		}
		assertThat(result.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(buckets.keySet());
		int row = 0;
		for (List<StoredSpan> bucket : buckets.values()) {
			assertThat((Double) result.value(row, 1)).isCloseTo(weight(bucket) / 20.0, within(1e-9));
			assertThat((Double) result.value(row, 2)).isCloseTo(weight(bucket) / 1200.0, within(1e-9));
			assertThat(result.value(row, 3)).isEqualTo(Math.round(weight(bucket)));
			row++;
		}
	}

	@Test
	void spansDatasetReadsItsOwnDurationAndStatus() {
		List<String> fields = List.of("count()", "failure_rate()", "apdex(300)", "count_if(span.duration,greater,300)");
		QueryResult result = run(Datasets.SPANS, fields, List.of(), true);
		Map<String, String> asTransactions = Map.of("count_if(span.duration,greater,300)",
				"count_if(transaction.duration,greater,300)");
		for (int i = 0; i < fields.size(); i++) {
			String field = asTransactions.getOrDefault(fields.get(i), fields.get(i));
			assertThat(result.value(0, i)).as(fields.get(i)).satisfies(expected(field, this.seed, true));
		}
	}

	@Test
	void conditionsOnPerformanceFunctionsFilterGroups() {
		FieldParser parser = new FieldParser(TRANSACTIONS);
		Expression transaction = parser.parse("transaction").expression();
		Expression failureRate = parser.parse("failure_rate()").expression();
		QueryResult result = run(Query.builder(TRANSACTIONS, List.of(PROJECT), RANGE)
			.select(transaction, failureRate)
			.groupBy(transaction)
			.where(new Condition.Compare(failureRate, Condition.Operator.GREATER, 0.45))
			.orderBy(Order.asc(transaction))
			.extrapolated(true)
			.build());

		List<String> expected = this.seed.stream()
			.collect(Collectors.groupingBy(StoredSpan::transaction, TreeMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.filter((entry) -> weight(entry.getValue(), PerformanceFunctionContract::failed)
					/ weight(entry.getValue()) > 0.45)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(result.rows()).extracting((row) -> row.get(0)).containsExactlyElementsOf(expected);
	}

	@Test
	void searchComparesDurationsAndMeasurementsAsNumbers() {
		SearchConditions search = new SearchConditions(TRANSACTIONS);
		Map<String, Predicate<StoredSpan>> cases = Map.of("transaction.duration:>300", (s) -> s.durationMs() > 300,
				"transaction.duration:<=1000 transaction:/a",
				(s) -> s.durationMs() <= 1000 && s.transaction().equals("/a"), "measurements.lcp:>=2500",
				(s) -> s.measurements().containsKey("lcp") && s.measurements().get("lcp").value() >= 2500,
				"!transaction.duration:>1k", (s) -> !(s.durationMs() > 1000),
				"transaction.status:ok has:measurements.cls",
				(s) -> "ok".equals(s.status()) && s.measurements().containsKey("cls"));
		cases.forEach((text, predicate) -> {
			QueryResult result = run(TRANSACTIONS, List.of("count()"), search.parse(text, T0), false);
			assertThat(result.value(0, 0)).as(text).isEqualTo((long) filter(this.seed, predicate).size());
		});
	}

	private QueryResult run(Dataset dataset, List<String> fields, List<Condition> where, boolean extrapolated) {
		FieldParser parser = new FieldParser(dataset);
		return run(Query.builder(dataset, List.of(PROJECT), RANGE)
			.select(fields.stream().map((f) -> parser.parse(f).expression()).toArray(Expression[]::new))
			.where(where)
			.extrapolated(extrapolated)
			.build());
	}

	private QueryResult run(Query query) {
		return Objects.requireNonNull(this.storage).queries().run(query);
	}

	/**
	 * The definition of each function, computed over the rows of a group: a check of the
	 * value an engine answered.
	 */
	private static java.util.function.Consumer<@Nullable Object> expected(String field, List<StoredSpan> rows,
			boolean extrapolated) {
		java.util.function.ToDoubleFunction<List<StoredSpan>> count = extrapolated ? PerformanceFunctionContract::weight
				: List::size;
		double all = count.applyAsDouble(rows);
		double minutes = Duration.between(RANGE.from(), RANGE.to()).toSeconds() / 60.0;
		Object value = switch (field) {
			case "count()" -> Math.round(all);
			case "count_if(transaction.duration,greater,300)" ->
				Math.round(count.applyAsDouble(filter(rows, (s) -> s.durationMs() > 300)));
			case "count_if(transaction.duration,lessOrEquals,300)" ->
				Math.round(count.applyAsDouble(filter(rows, (s) -> s.durationMs() <= 300)));
			case "count_if(transaction.status,equals,ok)" ->
				Math.round(count.applyAsDouble(filter(rows, (s) -> "ok".equals(s.status()))));
			case "failure_count()" ->
				Math.round(count.applyAsDouble(filter(rows, PerformanceFunctionContract::failed)));
			case "failure_rate()" -> count.applyAsDouble(filter(rows, PerformanceFunctionContract::failed)) / all;
			case "apdex(300)", "apdex()" -> apdex(rows, 300, count);
			case "apdex(500)" -> apdex(rows, 500, count);
			case "apdex(1000)" -> apdex(rows, 1000, count);
			case "epm()", "tpm()" -> all / minutes;
			case "eps()" -> all / (minutes * 60);
			case "count_miserable(user,300)" -> (long) miserable(rows, 300).size();
			case "user_misery(300)" ->
				(miserable(rows, 300).size() + 5.8875) / (users(rows).size() + 5.8875 + 111.8625);
			default -> webVitals(field, rows, count);
		};
		return (actual) -> {
			if (value instanceof Double number) {
				assertThat(actual).isInstanceOf(Double.class);
				assertThat((Double) actual).isCloseTo(number, within(1e-9));
			}
			else {
				assertThat(actual).isEqualTo(value);
			}
		};
	}

	private static Object webVitals(String field, List<StoredSpan> rows,
			java.util.function.ToDoubleFunction<List<StoredSpan>> count) {
		String arguments = field.substring("count_web_vitals(measurements.".length(), field.length() - 1);
		String vital = arguments.substring(0, arguments.indexOf(','));
		String quality = arguments.substring(arguments.indexOf(',') + 1);
		List<Double> thresholds = WebVitals.THRESHOLDS.get(vital);
		Predicate<StoredSpan> matches = (span) -> {
			Measurement measurement = span.measurements().get(vital);
			if (measurement == null) {
				return false;
			}
			double v = measurement.value();
			return switch (quality) {
				case "good" -> v <= thresholds.get(0);
				case "meh" -> v > thresholds.get(0) && v <= thresholds.get(1);
				case "poor" -> v > thresholds.get(1);
				default -> true;
			};
		};
		return Math.round(count.applyAsDouble(filter(rows, matches)));
	}

	private static double apdex(List<StoredSpan> rows, double t,
			java.util.function.ToDoubleFunction<List<StoredSpan>> count) {
		double satisfied = count.applyAsDouble(filter(rows, (s) -> s.durationMs() <= t));
		double tolerating = count.applyAsDouble(filter(rows, (s) -> s.durationMs() > t && s.durationMs() <= 4 * t));
		return (satisfied + tolerating / 2) / count.applyAsDouble(rows);
	}

	private static Set<String> miserable(List<StoredSpan> rows, double t) {
		return users(filter(rows, (s) -> s.durationMs() > 4 * t));
	}

	private static Set<String> users(List<StoredSpan> rows) {
		return rows.stream()
			.filter((s) -> s.user() != null)
			.map((s) -> "id:" + s.user().id())
			.collect(Collectors.toSet());
	}

	/** Sentry's failure: a status present and none of ok, cancelled, unknown. */
	private static boolean failed(StoredSpan span) {
		return span.status() != null && !Aggregate.NON_FAILURE_STATUSES.contains(span.status());
	}

	private static List<StoredSpan> filter(List<StoredSpan> rows, Predicate<StoredSpan> predicate) {
		return rows.stream().filter(predicate).toList();
	}

	private static double weight(List<StoredSpan> rows) {
		return rows.stream().mapToDouble(StoredSpan::sampleWeight).sum();
	}

	private static double weight(List<StoredSpan> rows, Predicate<StoredSpan> predicate) {
		return weight(filter(rows, predicate));
	}

}
