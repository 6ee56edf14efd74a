package dev.faultline.api.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.OutcomeCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatsQueryTest {

	private static final Instant NOW = Instant.parse("2026-11-25T01:30:00Z");

	@Test
	void groupsHourlyCountsIntoSentrysShape() {
		StatsQuery query = StatsQuery.parse(NOW, List.of("sum(quantity)"), List.of("outcome", "category"), "1h", "3h",
				null, null, List.of(), List.of(), List.of());

		Map<String, Object> body = query.evaluate(List.of(count("2026-11-25T00:00:00Z", "error", "accepted", "", 5),
				count("2026-11-25T01:00:00Z", "error", "accepted", "", 2),
				count("2026-11-25T01:00:00Z", "error", "rate_limited", "key_quota", 3),
				count("2026-11-24T20:00:00Z", "error", "accepted", "", 100)));

		assertThat(body).containsEntry("start", "2026-11-24T23:00:00Z").containsEntry("end", "2026-11-25T02:00:00Z");
		assertThat(body.get("intervals"))
			.isEqualTo(List.of("2026-11-24T23:00:00Z", "2026-11-25T00:00:00Z", "2026-11-25T01:00:00Z"));
		assertThat(body.get("groups")).isEqualTo(List.of(
				Map.of("by", Map.of("outcome", "accepted", "category", "error"), "totals", Map.of("sum(quantity)", 7L),
						"series", Map.of("sum(quantity)", List.of(0L, 5L, 2L))),
				Map.of("by", Map.of("outcome", "rate_limited", "category", "error"), "totals",
						Map.of("sum(quantity)", 3L), "series", Map.of("sum(quantity)", List.of(0L, 0L, 3L)))));
	}

	@Test
	void filtersAndCoarserIntervals() {
		StatsQuery query = StatsQuery.parse(NOW, List.of(), List.of("reason"), "1d", null, "2026-11-24T00:00:00Z",
				"2026-11-25T01:30:00Z", List.of("error"), List.of("client_discard"), List.of());

		Map<String, Object> body = query
			.evaluate(List.of(count("2026-11-25T00:00:00Z", "error", "client_discard", "ratelimit_backoff", 4),
					count("2026-11-25T00:00:00Z", "span", "client_discard", "ratelimit_backoff", 9),
					count("2026-11-25T00:00:00Z", "error", "accepted", "", 1)));

		assertThat((List<?>) body.get("intervals")).hasSize(2);
		assertThat(body.get("groups")).isEqualTo(List.of(Map.of("by", Map.of("reason", "ratelimit_backoff"), "totals",
				Map.of("sum(quantity)", 4L), "series", Map.of("sum(quantity)", List.of(0L, 4L)))));
	}

	@Test
	void attachmentsSumTheirBytesAsQuantityAndTheirNumberAsTimesSeen() {
		StatsQuery query = StatsQuery.parse(NOW, List.of("sum(quantity)", "sum(times_seen)"), List.of("category"), "1h",
				"2h", null, null, List.of("attachment"), List.of(), List.of());

		Map<String, Object> body = query.evaluate(List.of(
				new OutcomeCount(1, Instant.parse("2026-11-25T00:00:00Z"), "attachment", "accepted", "", 1_000, 2),
				new OutcomeCount(1, Instant.parse("2026-11-25T01:00:00Z"), "attachment", "filtered", "unsupported", 30,
						1),
				count("2026-11-25T01:00:00Z", "error", "accepted", "", 5)));

		assertThat(body.get("groups")).isEqualTo(List.of(Map.of("by", Map.of("category", "attachment"), "totals",
				Map.of("sum(quantity)", 1_030L, "sum(times_seen)", 3L), "series",
				Map.of("sum(quantity)", List.of(1_000L, 30L), "sum(times_seen)", List.of(2L, 1L)))));
	}

	@Test
	void theErrorCategoryIncludesDefaultAndSecurityAsSentryAnswersIt() {
		StatsQuery query = StatsQuery.parse(NOW, List.of(), List.of("category", "outcome"), "1h", "2h", null, null,
				List.of("error"), List.of(), List.of());

		Map<String, Object> body = query.evaluate(List.of(count("2026-11-25T00:00:00Z", "error", "accepted", "", 2),
				count("2026-11-25T00:00:00Z", "default", "accepted", "", 3),
				count("2026-11-25T01:00:00Z", "security", "accepted", "", 4),
				count("2026-11-25T01:00:00Z", "default", "filtered", "localhost", 1),
				count("2026-11-25T01:00:00Z", "transaction", "accepted", "", 50)));

		assertThat(body.get("groups")).isEqualTo(List.of(
				Map.of("by", Map.of("category", "error", "outcome", "accepted"), "totals", Map.of("sum(quantity)", 9L),
						"series", Map.of("sum(quantity)", List.of(5L, 4L))),
				Map.of("by", Map.of("category", "error", "outcome", "filtered"), "totals", Map.of("sum(quantity)", 1L),
						"series", Map.of("sum(quantity)", List.of(0L, 1L)))));

		// unfiltered, the error categories are still grouped as error
		Map<String, Object> all = StatsQuery
			.parse(NOW, List.of(), List.of("category"), "1h", "2h", null, null, List.of(), List.of(), List.of())
			.evaluate(List.of(count("2026-11-25T00:00:00Z", "default", "accepted", "", 3),
					count("2026-11-25T00:00:00Z", "error", "accepted", "", 2)));
		assertThat(all.get("groups")).isEqualTo(List.of(Map.of("by", Map.of("category", "error"), "totals",
				Map.of("sum(quantity)", 5L), "series", Map.of("sum(quantity)", List.of(5L, 0L)))));
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> StatsQuery.parse(NOW, List.of("sum(bytes)"),
				List.of(), null, null, null, null, List.of(), List.of(), List.of()));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> StatsQuery.parse(NOW, List.of(),
				List.of("planet"), null, null, null, null, List.of(), List.of(), List.of()));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> StatsQuery.parse(NOW, List.of(), List.of(), "5m",
				null, null, null, List.of(), List.of(), List.of()));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> StatsQuery.parse(NOW, List.of(), List.of(), null,
				"1000d", null, null, List.of(), List.of(), List.of()));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> StatsQuery.parse(NOW, List.of(), List.of(), null,
				null, "yesterday", "2026-11-25T00:00:00Z", List.of(), List.of(), List.of()));
	}

	private static OutcomeCount count(String hour, String category, String outcome, String reason, long quantity) {
		return new OutcomeCount(1, Instant.parse(hour), category, outcome, reason, quantity);
	}

}
