package dev.faultline.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QueryModelTest {

	private static final Dataset ERRORS = Datasets.ERRORS;

	private static final Expression LEVEL = Expression.field(ERRORS, "level");

	private static final Expression ISSUE = Expression.field(ERRORS, "issue.id");

	private static final TimeRange DAY = new TimeRange(Instant.parse("2026-01-01T00:00:00Z"),
			Instant.parse("2026-01-02T00:00:00Z"));

	@Test
	void columnsAreDeclaredOnceWithTheirAliases() {
		assertThat(ERRORS.column("event.id")).isSameAs(ERRORS.column("id"));
		assertThat(ERRORS.column("user.ip_address").name()).isEqualTo("user.ip");
		assertThat(ERRORS.find("browser")).isEmpty();
		assertThat(ERRORS.column("timestamp").type()).isEqualTo(FieldType.DATE);
	}

	@Test
	void functionsCheckTheirArgumentsAndNameThemselvesAsSentryDoes() {
		assertThat(Aggregate.percentile(ISSUE, 0.95).name()).isEqualTo("p95(issue.id)");
		assertThat(Aggregate.percentile(ISSUE, 0.9).name()).isEqualTo("p90(issue.id)");
		assertThat(Aggregate.percentile(ISSUE, 0.33).name()).isEqualTo("percentile(issue.id, 0.33)");
		assertThat(Aggregate.of(Function.COUNT_UNIQUE, Expression.tag("browser")).name())
			.isEqualTo("count_unique(tags[browser])");
		assertThat(Aggregate.count().type()).isEqualTo(FieldType.INTEGER);
		assertThat(Aggregate.of(Function.AVG, ISSUE).type()).isEqualTo(FieldType.NUMBER);
		assertThat(Aggregate.of(Function.MAX, Expression.field(ERRORS, "timestamp")).type()).isEqualTo(FieldType.DATE);
		assertThatIllegalArgumentException().isThrownBy(() -> Aggregate.of(Function.AVG, LEVEL));
		assertThatIllegalArgumentException().isThrownBy(() -> Aggregate.percentile(ISSUE, 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Aggregate(Function.COUNT, LEVEL, 0));
	}

	@Test
	void aQueryThatAggregatesGroupsEverySelectedField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Query.builder(ERRORS, List.of(1L), DAY).select(LEVEL, Aggregate.count()).build());
		Query query = Query.builder(ERRORS, List.of(1L), DAY)
			.select(LEVEL, Aggregate.count())
			.groupBy(LEVEL)
			.interval(Duration.ofHours(1))
			.build();
		assertThat(query.resultColumns()).extracting(ResultColumn::name).containsExactly("time", "level", "count()");
	}

	@Test
	void limitsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Query.builder(ERRORS, List.of(), DAY).select(Aggregate.count()).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Query.builder(ERRORS, List.of(1L), DAY).select(LEVEL).page(0, 100_001).build());
		assertThatIllegalArgumentException().isThrownBy(() -> Query.builder(ERRORS, List.of(1L), TimeRange.ALL)
			.select(Aggregate.count())
			.interval(Duration.ofSeconds(1))
			.build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Condition.Compare(LEVEL, Condition.Operator.GREATER, "error"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Condition.Compare(ISSUE, Condition.Operator.EQUALS, "1"));
	}

	@Test
	void searchTermsBecomeConditions() {
		SearchConditions search = new SearchConditions(ERRORS);
		Instant now = Instant.parse("2026-01-02T00:00:00Z");

		assertThat(search.parse("is:unresolved level:error", now))
			.containsExactly(new Condition.Compare(LEVEL, Condition.Operator.EQUALS, "error"));
		assertThat(search.parse("!browser:Chrome*", now)).containsExactly(
				new Condition.Not(new Condition.Like(Expression.tag("browser"), List.of("Chrome", ""), false)));
		assertThat(search.parse("has:release !has:os", now)).containsExactly(
				new Condition.Compare(Expression.field(ERRORS, "release"), Condition.Operator.NOT_EQUALS, ""),
				new Condition.Not(new Condition.HasTag("os")));
		assertThat(search.parse("timestamp:-1h", now))
			.containsExactly(new Condition.Compare(Expression.field(ERRORS, "timestamp"),
					Condition.Operator.GREATER_OR_EQUAL, Instant.parse("2026-01-01T23:00:00Z")));
		assertThat(search.parse("tags[level]:x", now))
			.containsExactly(new Condition.Compare(Expression.tag("level"), Condition.Operator.EQUALS, "x"));
		assertThat(search.parse("boom", now)).singleElement().isInstanceOf(Condition.AnyOf.class);
	}

}
