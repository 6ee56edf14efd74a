package dev.faultline.api.issue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.StatusDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stats over the real DuckDB adapter with a fixed clock.
 */
class IssueStatsTest {

	private static final Instant NOW = Instant.parse("2026-03-10T15:42:10Z");

	@TempDir
	Path directory;

	@Test
	void listPeriodsAreSentrys() {
		assertThat(IssueStats.listPeriod(null)).isNull();
		assertThat(IssueStats.listPeriod("")).isNull();
		assertThat(IssueStats.listPeriod("24h")).isEqualTo("24h");
		assertThat(IssueStats.listPeriod("14d")).isEqualTo("14d");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IssueStats.listPeriod("1h"));
	}

	@Test
	void bucketsEndWithTheCurrentHourOrDayInUtc() {
		try (EventStore events = DuckDbEventStore.open(this.directory.resolve("events.duckdb"))) {
			Issue issue = issue(7);
			events.write(List.of(event(issue, "a", NOW.minusSeconds(60)), event(issue, "b", NOW.minusSeconds(3600)),
					event(issue, "c", NOW.minus(Duration.ofDays(2)))));
			IssueStats stats = new IssueStats(events, Clock.fixed(NOW, ZoneOffset.UTC));

			List<List<Long>> hourly = stats.compute(List.of(issue), "24h").get(issue.id());
			assertThat(hourly).hasSize(24);
			assertThat(hourly.get(23)).containsExactly(Instant.parse("2026-03-10T15:00:00Z").getEpochSecond(), 1L);
			assertThat(hourly.get(22)).containsExactly(Instant.parse("2026-03-10T14:00:00Z").getEpochSecond(), 1L);
			assertThat(hourly.get(0).get(0)).isEqualTo(Instant.parse("2026-03-09T16:00:00Z").getEpochSecond());

			List<List<Long>> daily = stats.compute(List.of(issue), "14d").get(issue.id());
			assertThat(daily).hasSize(14);
			assertThat(daily.get(13)).containsExactly(Instant.parse("2026-03-10T00:00:00Z").getEpochSecond(), 2L);
			assertThat(daily.get(11)).containsExactly(Instant.parse("2026-03-08T00:00:00Z").getEpochSecond(), 1L);
			assertThat(stats.compute(List.of(issue), "30d").get(issue.id())).hasSize(30);
		}
	}

	@Test
	void aFilterCountsOnlyTheEventsItMatches() {
		try (EventStore events = DuckDbEventStore.open(this.directory.resolve("events.duckdb"))) {
			Issue issue = issue(7);
			Issue other = issue(8);
			events.write(List.of(event(issue, "a", NOW.minusSeconds(60), "production", Map.of("handled", "no")),
					event(issue, "b", NOW.minusSeconds(120), "staging", Map.of("handled", "yes")),
					event(issue, "c", NOW.minus(Duration.ofHours(3)), "production", Map.of()),
					event(other, "d", NOW.minus(Duration.ofDays(3)), "staging", Map.of())));
			IssueStats stats = new IssueStats(events, Clock.fixed(NOW, ZoneOffset.UTC));
			List<Issue> page = List.of(issue, other);
			EventSearch production = new EventSearch("is:unresolved environment:production", NOW);

			List<List<Long>> hourly = stats.compute(page, "24h", production).get(issue.id());
			assertThat(hourly.get(23).get(1)).isEqualTo(1L);
			assertThat(hourly.get(20).get(1)).isEqualTo(1L);
			assertThat(hourly.stream().mapToLong((point) -> point.get(1)).sum()).isEqualTo(2L);
			assertThat(stats.compute(page, "24h").get(issue.id()).get(23).get(1)).isEqualTo(2L);

			assertThat(stats.totals(page, production)).containsEntry(issue.id(), 2L).containsEntry(other.id(), 0L);
			assertThat(stats.totals(page, new EventSearch("timestamp:-1h", NOW))).containsEntry(issue.id(), 2L)
				.containsEntry(other.id(), 0L);
			assertThat(stats.totals(page, EventSearch.EVERY_EVENT)).containsEntry(issue.id(), 3L)
				.containsEntry(other.id(), 1L);
			assertThat(stats.unhandled(page)).containsExactly(issue.id());
		}
	}

	private static Issue issue(long id) {
		return new Issue(id, 1, id, "hash", "Error", "", "error", "error", Map.of(), IssueStatus.UNRESOLVED,
				StatusDetails.NONE, null, 1, 0, NOW, NOW);
	}

	private static StoredEvent event(Issue issue, String suffix, Instant at) {
		return event(issue, suffix, at, null, Map.of());
	}

	private static StoredEvent event(Issue issue, String suffix, Instant at, String environment,
			Map<String, String> tags) {
		String eventId = String.format("%031x", 1) + suffix;
		return new StoredEvent(issue.projectId(), eventId, issue.id(), at, at, "java", "error", "Error", "", "", null,
				environment, null, null, tags, null, "hash", "app", "{}");
	}

}
