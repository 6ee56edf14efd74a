package dev.faultline.storage.tck.query;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.sql.LikePatterns;
import dev.faultline.storage.sql.QueryCompiler;
import dev.faultline.storage.sql.SqlDialect;
import dev.faultline.storage.sql.SqlFragment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values never reach SQL text, for a dialect: whatever a query holds, its SQL is the SQL
 * compiled for a harmless value, and the value (escaped for LIKE where it is a pattern)
 * is only a parameter. A subclass provides the adapter's {@link SqlDialect}.
 */
public abstract class QuerySafetyContract {

	private static final Expression TITLE = Expression.field(Datasets.ERRORS, "title");

	/**
	 * Queries with {@code value} in every place a value can be: tag keys and values,
	 * column values, patterns, lists, search text.
	 */
	private static final List<Function<String, Query>> TEMPLATES = List.of(
			(value) -> count(new Condition.Compare(Expression.tag(value), Condition.Operator.EQUALS, value)),
			(value) -> count(new Condition.Not(new Condition.Compare(Expression.field(Datasets.ERRORS, "release"),
					Condition.Operator.EQUALS, value))),
			(value) -> count(new Condition.In(Expression.field(Datasets.ERRORS, "user.email"), List.of("a", value))),
			(value) -> count(new Condition.Like(TITLE, List.of("", value, ""), true)),
			(value) -> count(new Condition.HasTag(value)),
			(value) -> Query.builder(Datasets.ERRORS, List.of(1L), TimeRange.ALL)
				.select(Expression.tag(value), Aggregate.count())
				.groupBy(Expression.tag(value))
				.orderBy(Order.desc(Aggregate.count()))
				.build());

	/**
	 * The value as a quoted search value ({@code \}, {@code "} and {@code *} escaped).
	 */
	private static final Function<String, Query> SEARCH = (value) -> Query
		.builder(Datasets.ERRORS, List.of(1L), TimeRange.ALL)
		.select(Aggregate.count())
		.where(new SearchConditions(Datasets.ERRORS).parse(
				"tags[url]:\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*") + "\"",
				Instant.EPOCH))
		.build();

	protected abstract SqlDialect dialect();

	static Stream<String> hostile() {
		return Stream.concat(QuerySeed.HOSTILE.stream(), Stream.of("--", "/*", "*/", ";", "\r\n", "]", "[", ":",
				"tags['x']", ") OR 1=1 --", "x' OR 'a'='a", "\\\\'"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("hostile")
	void valuesOnlyEverBecomeParameters(String value) {
		QueryCompiler compiler = new QueryCompiler(dialect());
		List<Function<String, Query>> templates = new java.util.ArrayList<>(TEMPLATES);
		if (value.length() < 4000) {
			// A search is at most 4,096 characters.
			templates.add(SEARCH);
		}
		for (Function<String, Query> template : templates) {
			SqlFragment harmless = compiler.compile(template.apply("harmless")).statement();
			SqlFragment hostile = compiler.compile(template.apply(value)).statement();
			assertThat(hostile.sql()).isEqualTo(harmless.sql());
			assertThat(hostile.parameters()).hasSameSizeAs(harmless.parameters());
			assertThat(hostile.parameters()).containsAnyOf(value, "%" + LikePatterns.escape(value) + "%");
		}
	}

	private static Query count(Condition condition) {
		return Query.builder(Datasets.ERRORS, List.of(1L), TimeRange.ALL)
			.select(Aggregate.count())
			.where(condition)
			.build();
	}

}
