package dev.faultline.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class FieldParserTest {

	private static final Dataset ERRORS = Datasets.ERRORS;

	/** A dataset with a duration column, as transactions will have. */
	private static final Dataset TIMED = new Dataset("timed",
			List.of(Column.stored(Dataset.PROJECT, FieldType.INTEGER, false),
					Column.stored("id", FieldType.STRING, false),
					Column.stored(Dataset.TIMESTAMP, FieldType.DATE, false),
					Column.stored("transaction", FieldType.STRING, true),
					new Column("transaction.duration", FieldType.DURATION, "millisecond", false, Column.Source.STORED)),
			Map.of(), List.of("id"));

	private final FieldParser errors = new FieldParser(ERRORS);

	private final FieldParser timed = new FieldParser(TIMED);

	@Test
	void readsColumnsTagsAndFunctionCalls() {
		assertThat(this.errors.parse("user.email").expression()).isEqualTo(Expression.field(ERRORS, "user.email"));
		assertThat(this.errors.parse("event.id").expression()).isEqualTo(Expression.field(ERRORS, "id"));
		assertThat(this.errors.parse("browser").expression()).isEqualTo(Expression.tag("browser"));
		assertThat(this.errors.parse("tags[os.name]").expression()).isEqualTo(Expression.tag("os.name"));
		assertThat(this.errors.parse("count()").expression()).isEqualTo(Aggregate.count());
		assertThat(this.errors.parse("last_seen()").expression()).isEqualTo(Aggregate.lastSeen());
		assertThat(this.errors.parse("count_unique(user.id)").expression())
			.isEqualTo(Aggregate.of(Function.COUNT_UNIQUE, Expression.field(ERRORS, "user.id")));
		assertThat(this.errors.parse("count_unique(user)").expression())
			.isEqualTo(Aggregate.of(Function.COUNT_UNIQUE, Expression.tag("user")));
		assertThat(this.errors.parse("max(timestamp)").expression())
			.isEqualTo(Aggregate.of(Function.MAX, Expression.field(ERRORS, "timestamp")));
		Expression duration = Expression.field(TIMED, "transaction.duration");
		assertThat(this.timed.parse("p95(transaction.duration)").expression())
			.isEqualTo(Aggregate.percentile(duration, 0.95));
		assertThat(this.timed.parse("percentile(transaction.duration, 0.99)").expression())
			.isEqualTo(Aggregate.percentile(duration, 0.99));
		assertThat(this.timed.parse("percentile( transaction.duration ,0.5 )").expression())
			.isEqualTo(Aggregate.percentile(duration, 0.5));
		assertThat(this.timed.parse("avg(transaction.duration)").expression())
			.isEqualTo(Aggregate.of(Function.AVG, duration));
	}

	@Test
	void readsThePerformanceFunctionsOverTheDatasetsColumns() {
		FieldParser transactions = new FieldParser(Datasets.TRANSACTIONS);
		Expression duration = Expression.field(Datasets.TRANSACTIONS, "transaction.duration");
		Expression status = Expression.field(Datasets.TRANSACTIONS, "transaction.status");
		Expression user = Expression.field(Datasets.TRANSACTIONS, "user");
		assertThat(transactions.parse("apdex(500)").expression()).isEqualTo(Aggregate.apdex(duration, 500));
		assertThat(transactions.parse("apdex()").expression()).isEqualTo(Aggregate.apdex(duration, 300));
		assertThat(transactions.parse("failure_rate()").expression())
			.isEqualTo(Aggregate.failures(Function.FAILURE_RATE, status));
		assertThat(transactions.parse("tpm()").expression()).isEqualTo(Aggregate.rate(Function.TPM));
		assertThat(transactions.parse("user_misery(300)").expression())
			.isEqualTo(Aggregate.misery(Function.USER_MISERY, user, duration, 300));
		assertThat(transactions.parse("count_if(transaction.duration,greater,300)").expression()).isEqualTo(
				Aggregate.countIf(duration, Condition.Operator.GREATER, 300.0, "transaction.duration,greater,300"));
		Expression lcp = transactions.parse("count_web_vitals(measurements.lcp,poor)").expression();
		assertThat(lcp.name()).isEqualTo("count_web_vitals(measurements.lcp,poor)");
		assertThat(lcp.metaType()).isEqualTo("integer");
		assertThat(transactions.parse("epm()").expression().metaType()).isEqualTo("rate");
		assertThat(transactions.parse("epm()").expression().unit()).isEqualTo("1/minute");
		assertThat(transactions.parse("failure_rate()").expression().metaType()).isEqualTo("percentage");
		assertThat(new FieldParser(Datasets.SPANS).parse("apdex(300)").expression())
			.isEqualTo(Aggregate.apdex(Expression.field(Datasets.SPANS, "span.duration"), 300));

		assertThatExceptionOfType(FieldSyntaxException.class).isThrownBy(() -> this.errors.parse("apdex(300)"))
			.withMessageContaining("apdex() needs transaction.duration or span.duration");
		assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> transactions.parse("count_web_vitals(measurements.fp,good)"))
			.withMessageContaining("reads one of the measurements");
		assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> transactions.parse("count_web_vitals(measurements.lcp,great)"))
			.withMessageContaining("a quality is one of");
		assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> transactions.parse("count_if(transaction.duration,like,3)"))
			.withMessageContaining("an operator is one of");
		assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> transactions.parse("count_if(transaction.duration,greater,3x)"))
			.withMessageContaining("expected a number");
		assertThatExceptionOfType(FieldSyntaxException.class).isThrownBy(() -> transactions.parse("apdex(-1)"))
			.withMessageContaining("a threshold is a positive number");
		assertThatExceptionOfType(FieldSyntaxException.class).isThrownBy(() -> transactions.parse("apdex(0)"))
			.withMessageContaining("a threshold is a positive number");
	}

	@Test
	void aSortIsAFieldWithAnOptionalMinus() {
		assertThat(this.errors.parseOrder("-count()")).isEqualTo(Order.desc(Aggregate.count()));
		assertThat(this.errors.parseOrder("level")).isEqualTo(Order.asc(Expression.field(ERRORS, "level")));
		FieldSyntaxException error = assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> this.errors.parseOrder("-avg(level)"))
			.actual();
		assertThat(error.position()).isEqualTo(5);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "''|MALFORMED|0", "count(|MALFORMED|6", "count())|MALFORMED|6", "count(count())|MALFORMED|11",
					"coun t()|MALFORMED|4", "lev el|MALFORMED|3", "tags[|MALFORMED|5", "tags[]|MALFORMED|5",
					"tags[a]b|MALFORMED|7", "tags[n,number]|WRONG_ARGUMENT_TYPE|6", "p95()|WRONG_ARGUMENT_COUNT|0",
					"count(id)|WRONG_ARGUMENT_COUNT|6", "percentile(issue.id)|WRONG_ARGUMENT_COUNT|0",
					"avg(issue.id, 2)|WRONG_ARGUMENT_COUNT|0", "avg(issue.id,)|MALFORMED|13",
					"median(issue.id)|UNKNOWN_FUNCTION|0", "avg(browser)|UNKNOWN_FIELD|4", "p95(nope)|UNKNOWN_FIELD|4",
					"avg(level)|FUNCTION_NOT_ALLOWED|4", "sum(timestamp)|FUNCTION_NOT_ALLOWED|4",
					"max(title)|FUNCTION_NOT_ALLOWED|4", "percentile(issue.id, 1.5)|WRONG_ARGUMENT_TYPE|21",
					"percentile(issue.id, x)|WRONG_ARGUMENT_TYPE|21",
					"percentile(issue.id, 0.5.1)|WRONG_ARGUMENT_TYPE|21", "count_unique(count())|MALFORMED|18" })
	void refusesWhatIsNoFieldNamingTheReasonAndPosition(String text, FieldSyntaxException.Reason reason, int position) {
		FieldSyntaxException error = assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> this.errors.parse(text))
			.actual();
		assertThat(error.reason()).as(error.getMessage()).isEqualTo(reason);
		assertThat(error.position()).as(error.getMessage()).isEqualTo(position);
		assertThat(error.field()).isEqualTo(text);
		assertThat(error.getMessage()).contains("\"" + text + "\"").contains("position " + position);
	}

	@Test
	void metaNamesTheTypesAndUnitsByTheRequestedStrings() {
		List<RequestedField> fields = List.of(this.timed.parse("transaction"), this.timed.parse("count()"),
				this.timed.parse("count_unique(tags[user])"),
				this.timed.parse("percentile(transaction.duration, 0.99)"),
				this.timed.parse("max(transaction.duration)"), this.timed.parse("last_seen()"));

		assertThat(RequestedField.metaFields(fields)).containsExactly(entry("transaction", "string"),
				entry("count()", "integer"), entry("count_unique(tags[user])", "integer"),
				entry("percentile(transaction.duration, 0.99)", "duration"),
				entry("max(transaction.duration)", "duration"), entry("last_seen()", "date"));
		assertThat(RequestedField.metaUnits(fields)).containsExactly(entry("transaction", null), entry("count()", null),
				entry("count_unique(tags[user])", null), entry("percentile(transaction.duration, 0.99)", "millisecond"),
				entry("max(transaction.duration)", "millisecond"), entry("last_seen()", null));
		assertThat(RequestedField.metaFields(List.of(this.errors.parse("avg(issue.id)"))))
			.containsExactly(entry("avg(issue.id)", "number"));
	}

	@Test
	void parsedFieldsBuildAQuery() {
		RequestedField level = this.errors.parse("level");
		RequestedField count = this.errors.parse("count()");
		Query query = Query.builder(ERRORS, List.of(1L), TimeRange.since(Instant.parse("2199-01-01T00:00:00Z")))
			.select(level.expression(), count.expression())
			.groupBy(level.expression())
			.orderBy(this.errors.parseOrder("-count()"))
			.interval(Duration.ofDays(1))
			.build();
		assertThat(query.resultColumns()).extracting(ResultColumn::name).containsExactly("time", "level", "count()");
	}

	@Test
	void parsingIsOnePassEvenForLongHostileText() {
		String hostile = "(".repeat(FieldParser.MAX_LENGTH);
		assertThatExceptionOfType(FieldSyntaxException.class).isThrownBy(() -> this.errors.parse("count" + hostile));
		assertThatExceptionOfType(FieldSyntaxException.class)
			.isThrownBy(() -> this.errors.parse("a".repeat(FieldParser.MAX_LENGTH + 1)))
			.satisfies((error) -> assertThat(error.reason()).isEqualTo(FieldSyntaxException.Reason.MALFORMED));
	}

}
