package dev.faultline.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CursorTest {

	private static final Dataset ERRORS = Datasets.ERRORS;

	private static final Expression LEVEL = Expression.field(ERRORS, "level");

	private static final TimeRange DAY = new TimeRange(Instant.parse("2026-01-01T00:00:00Z"),
			Instant.parse("2026-01-02T00:00:00Z"));

	@Test
	void offsetCursorsKeepSentrysForm() {
		assertThat(Cursor.parse("0:100:0")).isEqualTo(Cursor.ofOffset(100));
		assertThat(Cursor.ofOffset(100)).hasToString("0:100:0");
		assertThat(Cursor.parse("0:0:1").keyed()).isFalse();
		assertThat(Cursor.FIRST).hasToString("0:0:0");
	}

	@Test
	void keyCursorsRoundTripThroughTheirText() {
		List<@Nullable Object> key = Arrays.asList("a:b;c", null, 42L, -1.5e-300,
				Instant.ofEpochMilli(1_700_000_000_123L), "", "nul\u0000 ünï 😀 " + "x".repeat(5000), Long.MIN_VALUE);
		Cursor cursor = new Cursor(key, 3, true);
		String text = cursor.toString();

		assertThat(text).endsWith(":3:1");
		assertThat(text.substring(0, text.length() - 4)).doesNotContain(":", "/", "+", "=", "%");
		assertThat(Cursor.parse(text)).isEqualTo(cursor);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0", "0:1", "0:1:2", "0:-1:0", "0:x:0", "0:1:0:0", "0:1234567890:0", "!!:0:0",
			"czU6YWI:0:0", "eDE7:0:0", "aTE:0:0", "dGFiYw:0:0" })
	void malformedCursorsAreRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Cursor.parse(text));
	}

	@Test
	void aCursorLongerThanTheLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cursor.parse("a".repeat(Cursor.MAX_LENGTH) + ":0:0"));
	}

	@Test
	void sortKeysEndWithTheTieBreakers() {
		Query rows = Query.builder(ERRORS, List.of(1L), DAY).select(LEVEL).orderBy(Order.desc(LEVEL)).build();
		assertThat(rows.sortKeys()).extracting((key) -> key.expression().name(), Query.SortKey::descending)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("level", true),
					org.assertj.core.groups.Tuple.tuple("timestamp", false),
					org.assertj.core.groups.Tuple.tuple("project.id", false),
					org.assertj.core.groups.Tuple.tuple("id", false));
		assertThat(rows.seekable()).isTrue();

		Query buckets = Query.builder(ERRORS, List.of(1L), DAY)
			.select(LEVEL, Aggregate.count())
			.groupBy(LEVEL)
			.interval(Duration.ofHours(1))
			.orderBy(Order.desc(Aggregate.count()))
			.build();
		assertThat(buckets.sortKeys()).extracting(Query.SortKey::bucket).containsExactly(false, true, false);
		assertThat(buckets.seekable()).isTrue();
	}

	@Test
	void inexactAggregatesAndPerGroupLimitsPageByOffset() {
		Aggregate average = Aggregate.of(dev.faultline.query.Function.AVG, Expression.field(ERRORS, "issue.id"));
		Query byAverage = Query.builder(ERRORS, List.of(1L), DAY)
			.select(LEVEL, average)
			.groupBy(LEVEL)
			.orderBy(Order.desc(average))
			.build();
		assertThat(byAverage.seekable()).isFalse();
		Cursor key = Cursor.ofKey(Arrays.asList(1.0, "error"), false);
		assertThatIllegalArgumentException().isThrownBy(() -> byAverage.at(key));

		Query oneGroup = Query.builder(ERRORS, List.of(1L), DAY).select(Aggregate.count()).build();
		assertThat(oneGroup.seekable()).isFalse();
	}

	@Test
	void aKeyOfAnotherShapeIsRefused() {
		Query rows = Query.builder(ERRORS, List.of(1L), DAY).select(LEVEL).orderBy(Order.desc(LEVEL)).build();
		Cursor fits = Cursor.ofKey(Arrays.asList("error", Instant.EPOCH, 1L, "id"), false);
		assertThat(rows.at(fits).cursor()).isEqualTo(fits);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows.at(Cursor.ofKey(Arrays.asList("error", Instant.EPOCH, 1L), false)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows.at(Cursor.ofKey(Arrays.asList("error", 5L, 1L, "id"), false)));
	}

	@Test
	void aPageMakesTheCursorsAroundIt() {
		Function<Integer, List<@Nullable Object>> key = (item) -> List.of((long) item);
		Page<Integer> first = Page.of(Cursor.FIRST, 2, List.of(1, 2, 3), key, true);
		assertThat(first.items()).containsExactly(1, 2);
		assertThat(first.paging())
			.isEqualTo(new Paging(Cursor.ofKey(List.of(1L), true), false, Cursor.ofKey(List.of(2L), false), true));

		// Backward: read nearest first, turned back into the order.
		Page<Integer> back = Page.of(Cursor.ofKey(List.of(5L), true), 2, List.of(4, 3, 2), key, true);
		assertThat(back.items()).containsExactly(3, 4);
		assertThat(back.paging())
			.isEqualTo(new Paging(Cursor.ofKey(List.of(3L), true), true, Cursor.ofKey(List.of(4L), false), true));

		Page<Integer> last = Page.of(Cursor.ofKey(List.of(2L), false), 2, List.of(3), key, true);
		assertThat(last.paging().hasNext()).isFalse();
		assertThat(last.paging().hasPrevious()).isTrue();

		Page<Integer> offset = Page.of(Cursor.ofOffset(4), 2, List.of(5, 6, 7), key, false);
		assertThat(offset.paging())
			.isEqualTo(new Paging(new Cursor(List.of(), 2, true), true, Cursor.ofOffset(6), true));
	}

}
