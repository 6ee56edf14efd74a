package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search acceptance test of an {@link EventStore}: over the {@link SeededEvents} data
 * set (1,200 events, 50 issues), each search of {@link #searches()} is answered by the
 * store ({@code findIssueIds}, and {@code listByIssue} with the search for the issue with
 * the most matching events) exactly as a plain Java predicate over the seed data answers
 * it: same issue ids in the same order (newest matching event first, then issue id), same
 * events newest first.
 *
 * <p>
 * The predicates restate the search semantics of core's {@code EventFilterCompiler}: text
 * compares exactly and case-sensitively, {@code *} is any run of characters, a missing
 * field or tag reads as the empty string (so negations match events without it), free
 * text matches title, message or culprit ignoring case, and issue terms are ignored.
 */
public abstract class EventSearchAcceptanceContract extends EventStoreFixture {

	private static final SeededEvents DATA = new SeededEvents();

	private static final Comparator<StoredEvent> NEWEST_FIRST = Comparator.comparing(StoredEvent::timestamp)
		.thenComparing(StoredEvent::eventId)
		.reversed();

	/**
	 * A search and what it means, in Java.
	 */
	record Search(String query, Predicate<StoredEvent> matches) {

		@Override
		public String toString() {
			// Quoted: the empty search needs a visible name too.
			return "'" + this.query + "'";
		}

	}

	static Stream<Search> searches() {
		Instant twoDaysAgo = SeededEvents.NOW.minus(Duration.ofDays(2));
		LocalDate day = LocalDate.ofInstant(SeededEvents.NOW.minus(Duration.ofDays(3)), ZoneOffset.UTC);
		Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		return Stream.of(new Search("", (e) -> true), new Search("level:error", (e) -> e.level().equals("error")),
				new Search("!level:error", (e) -> !e.level().equals("error")),
				new Search("release:1.*", (e) -> text(e.release()).startsWith("1.")),
				new Search("environment:[prod, staging]",
						(e) -> List.of("prod", "staging").contains(text(e.environment()))),
				new Search("browser:Chrome*", (e) -> tag(e, "browser").startsWith("Chrome")),
				new Search("user.email:*@example.com", (e) -> email(e).endsWith("@example.com")),
				new Search("tags[custom]:\"quoted value\"", (e) -> tag(e, "custom").equals("quoted value")),
				new Search("tags[custom]:\"50% off_\"", (e) -> tag(e, "custom").equals("50% off_")),
				new Search("tags[level]:tagged-level", (e) -> tag(e, "level").equals("tagged-level")),
				new Search("cart", (e) -> freeText(e, "cart")),
				new Search("\"DB SLOW\"", (e) -> freeText(e, "db slow")),
				new Search("\"50%\"", (e) -> freeText(e, "50%")),
				new Search("!environment:prod", (e) -> !text(e.environment()).equals("prod")),
				new Search("!has:browser", (e) -> !e.tags().containsKey("browser")),
				new Search("has:custom level:[error, fatal]",
						(e) -> e.tags().containsKey("custom") && List.of("error", "fatal").contains(e.level())),
				new Search("level:[error, fatal] release:2.* browser:Firefox*",
						(e) -> List.of("error", "fatal").contains(e.level()) && text(e.release()).startsWith("2.")
								&& tag(e, "browser").startsWith("Firefox")),
				new Search("!release:[1.0.0, 2.*]",
						(e) -> !(text(e.release()).equals("1.0.0") || text(e.release()).startsWith("2."))),
				new Search("message:*declined", (e) -> e.message().endsWith("declined")),
				new Search("environment:prod !browser:Safari* user.email:*example*",
						(e) -> text(e.environment()).equals("prod") && !tag(e, "browser").startsWith("Safari")
								&& email(e).contains("example")),
				new Search("os:Linux !level:[debug, info] timeout",
						(e) -> tag(e, "os").equals("Linux") && !List.of("debug", "info").contains(e.level())
								&& freeText(e, "timeout")),
				new Search("is:unresolved timesSeen:>10 level:warning", (e) -> e.level().equals("warning")),
				new Search("timestamp:-24h",
						(e) -> !e.timestamp().isBefore(SeededEvents.NOW.minus(Duration.ofHours(24)))),
				new Search("timestamp:+3d level:fatal",
						(e) -> !e.timestamp().isAfter(SeededEvents.NOW.minus(Duration.ofDays(3)))
								&& e.level().equals("fatal")),
				new Search("timestamp:>" + twoDaysAgo + " environment:staging",
						(e) -> e.timestamp().isAfter(twoDaysAgo) && text(e.environment()).equals("staging")),
				new Search("timestamp:" + day + " !has:custom",
						(e) -> !e.timestamp().isBefore(dayStart)
								&& e.timestamp().isBefore(dayStart.plus(Duration.ofDays(1)))
								&& !e.tags().containsKey("custom")));
	}

	@Test
	void theDataSetIsLargeAndVaried() {
		List<StoredEvent> events = DATA.ofProject();

		assertThat(events).hasSizeGreaterThanOrEqualTo(1_000);
		assertThat(events.stream().map(StoredEvent::issueId).distinct()).hasSize(SeededEvents.ISSUES);
		assertThat(events.stream().map(StoredEvent::level).distinct()).hasSize(5);
		assertThat(events.stream().map(StoredEvent::release).distinct()).hasSizeGreaterThan(5);
		assertThat(events.stream().map(StoredEvent::environment).distinct()).hasSizeGreaterThan(4);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("searches")
	void findIssueIdsAndListByIssueAnswerAsTheSeedData(Search search) {
		store().write(DATA.all());
		List<StoredEvent> matching = DATA.ofProject().stream().filter(search.matches()).sorted(NEWEST_FIRST).toList();
		assertThat(matching).as("a search that matches nothing proves little").isNotEmpty();
		EventSearch eventSearch = new EventSearch(search.query(), SeededEvents.NOW);

		assertThat(store().findIssueIds(List.of(SeededEvents.PROJECT), eventSearch, 100))
			.containsExactlyElementsOf(issueIdsNewestMatchFirst(matching));

		long issueId = issueWithMostMatches(matching);
		List<StoredEvent> ofIssue = matching.stream().filter((e) -> e.issueId() == issueId).toList();
		assertThat(store().listByIssue(SeededEvents.PROJECT, issueId, eventSearch, 0, 1_000))
			.containsExactlyElementsOf(ofIssue);
		assertThat(store().listByIssue(SeededEvents.PROJECT, issueId, eventSearch, 1, 3))
			.containsExactlyElementsOf(ofIssue.subList(Math.min(1, ofIssue.size()), Math.min(4, ofIssue.size())));
	}

	/**
	 * The issue ids of events that are already newest first: the first occurrence of an
	 * issue is its newest match. Ties of the newest match order by issue id, descending.
	 */
	private static List<Long> issueIdsNewestMatchFirst(List<StoredEvent> newestFirst) {
		Map<Long, Instant> newest = new LinkedHashMap<>();
		for (StoredEvent event : newestFirst) {
			newest.putIfAbsent(event.issueId(), event.timestamp());
		}
		return newest.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()).reversed())
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The issue with the most matching events; the smallest id among equals.
	 */
	private static long issueWithMostMatches(List<StoredEvent> matching) {
		TreeMap<Long, Long> counts = matching.stream()
			.collect(Collectors.groupingBy(StoredEvent::issueId, TreeMap::new, Collectors.counting()));
		long best = counts.firstKey();
		for (Map.Entry<Long, Long> entry : counts.entrySet()) {
			if (entry.getValue() > counts.get(best)) {
				best = entry.getKey();
			}
		}
		return best;
	}

	private static String text(@Nullable String value) {
		return Objects.requireNonNullElse(value, "");
	}

	private static String tag(StoredEvent event, String key) {
		return event.tags().getOrDefault(key, "");
	}

	private static String email(StoredEvent event) {
		EventUser user = event.user();
		return (user != null) ? text(user.email()) : "";
	}

	private static boolean freeText(StoredEvent event, String text) {
		String needle = text.toLowerCase(Locale.ROOT);
		return Stream.of(event.title(), event.message(), event.culprit())
			.anyMatch((field) -> field.toLowerCase(Locale.ROOT).contains(needle));
	}

}
