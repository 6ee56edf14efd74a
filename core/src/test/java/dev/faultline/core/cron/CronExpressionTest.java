package dev.faultline.core.cron;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CronExpressionTest {

	private static final ZoneId UTC = ZoneOffset.UTC;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "* * * * *        | 2026-12-07T10:15:30 | 2026-12-07T10:16",
					"*/5 * * * *      | 2026-12-07T10:15:00 | 2026-12-07T10:20",
					"*/5 * * * *      | 2026-12-07T10:14:59 | 2026-12-07T10:15",
					"0 * * * *        | 2026-12-07T10:00:00 | 2026-12-07T11:00",
					"30 2 * * *       | 2026-12-07T03:00:00 | 2026-12-08T02:30",
					"0 9-17/4 * * *   | 2026-12-07T09:00:00 | 2026-12-07T13:00",
					"0 9-17/4 * * *   | 2026-12-07T17:00:00 | 2026-12-08T09:00",
					"5,10,45 * * * *  | 2026-12-07T10:10:00 | 2026-12-07T10:45",
					"10/20 * * * *    | 2026-12-07T10:31:00 | 2026-12-07T10:50",
					"0 0 * * MON-FRI  | 2026-12-11T12:00:00 | 2026-12-14T00:00",
					"0 0 * * 7        | 2026-12-07T00:00:00 | 2026-12-13T00:00",
					"0 0 * * sun      | 2026-12-07T00:00:00 | 2026-12-13T00:00",
					"0 0 1 jan,jul *  | 2026-12-07T00:00:00 | 2027-01-01T00:00",
					"0 0 29 2 *       | 2026-12-07T00:00:00 | 2028-02-29T00:00",
					"0 0 13 * 5       | 2026-12-07T00:00:00 | 2026-12-11T00:00",
					"@hourly          | 2026-12-07T10:59:59 | 2026-12-07T11:00",
					"@daily           | 2026-12-07T10:00:00 | 2026-12-08T00:00",
					"@weekly          | 2026-12-07T10:00:00 | 2026-12-13T00:00",
					"@monthly         | 2026-12-07T10:00:00 | 2027-01-01T00:00",
					"@yearly          | 2026-12-07T10:00:00 | 2027-01-01T00:00",
					"59 23 31 12 *    | 2026-12-31T23:59:00 | 2027-12-31T23:59" })
	void nextMatchingMinute(String expression, LocalDateTime after, LocalDateTime expected) {
		ZonedDateTime next = CronExpression.parse(expression).next(after.atZone(UTC), UTC);
		assertThat(next.toLocalDateTime()).isEqualTo(expected);
	}

	@Test
	void bothDayFieldsRestrictedMatchEither() {
		CronExpression expression = CronExpression.parse("0 0 13 * 5");
		assertThat(expression.matches(LocalDateTime.parse("2026-12-11T00:00"))).isTrue(); // a
																							// Friday
		assertThat(expression.matches(LocalDateTime.parse("2026-12-13T00:00"))).isTrue(); // the
																							// 13th
		assertThat(expression.matches(LocalDateTime.parse("2026-12-12T00:00"))).isFalse();
	}

	@Test
	void evaluatedInTheMonitorsTimezone() {
		ZoneId vienna = ZoneId.of("Europe/Vienna");
		ZonedDateTime next = CronExpression.parse("0 9 * * *")
			.next(ZonedDateTime.parse("2026-12-07T08:30:00Z"), vienna);
		assertThat(next.toInstant()).hasToString("2026-12-08T08:00:00Z");
	}

	@Test
	void daylightSavingGapRunsAtItsEndAndRepeatedHourOnce() {
		ZoneId vienna = ZoneId.of("Europe/Vienna");
		CronExpression expression = CronExpression.parse("30 2 * * *");
		// 2027-03-28 02:00 does not exist in Vienna: the clock jumps to 03:00.
		ZonedDateTime gap = expression.next(ZonedDateTime.parse("2027-03-28T00:00:00Z"), vienna);
		assertThat(gap.toInstant()).hasToString("2027-03-28T01:30:00Z");
		// 2027-10-31 02:30 happens twice; the run is at the first one only.
		ZonedDateTime first = expression.next(ZonedDateTime.parse("2027-10-30T23:00:00Z"), vienna);
		assertThat(first.toInstant()).hasToString("2027-10-31T00:30:00Z");
		ZonedDateTime after = expression.next(first, vienna);
		assertThat(after.toInstant()).hasToString("2027-11-01T01:30:00Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
			"* * * * 8", "*/0 * * * *", "5-1 * * * *", "a * * * *", "1,,2 * * * *", "* * * FOO *", "-1 * * * *" })
	void rejectsMalformedExpressions(String expression) {
		assertThatExceptionOfType(CronSyntaxException.class).isThrownBy(() -> CronExpression.parse(expression));
		assertThat(CronExpression.isValid(expression)).isFalse();
	}

	@Test
	void impossibleDateNeverMatches() {
		assertThatIllegalStateException().isThrownBy(
				() -> CronExpression.parse("0 0 31 2 *").next(ZonedDateTime.parse("2026-12-07T00:00:00Z"), UTC));
	}

}
