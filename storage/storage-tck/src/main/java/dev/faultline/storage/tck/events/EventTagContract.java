package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.events.TagFacet;
import dev.faultline.storage.events.TagKeyCount;
import dev.faultline.storage.events.TagValueCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The tag reads of an {@link EventStore}: {@code tagFacets}, {@code countByTagValue},
 * {@code tagKeys} and {@code tagValues}.
 *
 * <p>
 * Specified here: an event's tag keys are its tags plus the built-ins {@code level},
 * {@code environment} and {@code release} when the event carries them, a tag of the same
 * name winning over the built-in; facets are ordered by events carrying the key
 * (descending), then key; values by events (descending), then value; first/last seen are
 * the oldest and newest timestamps of the value; reads are scoped to the project (and
 * issue); keys, values and prefixes are data, never SQL, and prefixes match literally,
 * ignoring case.
 */
public abstract class EventTagContract extends EventStoreFixture {

	private static final long PROJECT = 1;

	private static final long OTHER_PROJECT = 2;

	private static final long ISSUE = 10;

	private static final long OTHER_ISSUE = 11;

	private static final String HOSTILE_KEY = "it's'; DROP TABLE events; --";

	private static final String HOSTILE_VALUE = "50% off_\\ ' \" ; --";

	@Test
	void tagFacetsCountTagsAndBuiltInsWithATagWinningOverItsBuiltIn() {
		writeFacetIssue();

		List<TagFacet> facets = store().tagFacets(PROJECT, ISSUE, null, 10);

		assertThat(facets).containsExactly(
				new TagFacet("browser", 3, 2, List.of(value("Chrome", 2, 1_000, 2_000), value("Firefox", 1, 3_000))),
				new TagFacet("level", 3, 2, List.of(value("error", 2, 1_000, 2_000), value("custom", 1, 3_000))),
				new TagFacet("environment", 2, 2, List.of(value("prod", 1, 1_000), value("staging", 1, 2_000))),
				new TagFacet("release", 2, 1, List.of(value("1.0", 2, 1_000, 2_000))),
				new TagFacet("os", 1, 1, List.of(value("Linux", 1, 1_000))));
	}

	@Test
	void tagFacetsKeepTheTopValuesButCountAll() {
		writeFacetIssue();

		assertThat(store().tagFacets(PROJECT, ISSUE, null, 1))
			.extracting(TagFacet::key, TagFacet::uniqueValues, (facet) -> facet.topValues().size())
			.containsExactly(tuple("browser", 2L, 1), tuple("level", 2L, 1), tuple("environment", 2L, 1),
					tuple("release", 1L, 1), tuple("os", 1L, 1));
		assertThat(store().tagFacets(PROJECT, ISSUE, null, 1).get(0).topValues())
			.containsExactly(value("Chrome", 2, 1_000, 2_000));
	}

	@Test
	void tagFacetsOfOneKey() {
		writeFacetIssue();

		assertThat(store().tagFacets(PROJECT, ISSUE, "environment", 10)).containsExactly(
				new TagFacet("environment", 2, 2, List.of(value("prod", 1, 1_000), value("staging", 1, 2_000))));
		assertThat(store().tagFacets(PROJECT, ISSUE, "level", 10)).extracting(TagFacet::totalEvents)
			.containsExactly(3L);
		assertThat(store().tagFacets(PROJECT, ISSUE, "unknown", 10)).isEmpty();
		assertThat(store().tagFacets(PROJECT, 99, null, 10)).isEmpty();
		assertThat(store().tagFacets(OTHER_PROJECT, OTHER_ISSUE, null, 10)).isEmpty();
	}

	@Test
	void hostileTagKeysAndValuesAreData() {
		store().write(List.of(tagged(ISSUE, 1_000, "error", Map.of(HOSTILE_KEY, HOSTILE_VALUE)),
				tagged(ISSUE, 2_000, "error", Map.of(HOSTILE_KEY, "500 plain", "%", "_"))));

		// "50%…" sorts before "500…": '%' is below '0'.
		assertThat(store().tagFacets(PROJECT, ISSUE, HOSTILE_KEY, 10)).containsExactly(
				new TagFacet(HOSTILE_KEY, 2, 2, List.of(value(HOSTILE_VALUE, 1, 1_000), value("500 plain", 1, 2_000))));
		assertThat(store().tagFacets(PROJECT, ISSUE, "%", 10)).extracting(TagFacet::key).containsExactly("%");
		assertThat(store().tagFacets(PROJECT, ISSUE, "' OR 1=1 --", 10)).isEmpty();
		assertThat(values(HOSTILE_KEY, "50%")).containsExactly(HOSTILE_VALUE);
		assertThat(values(HOSTILE_KEY, "5_")).isEmpty();
		assertThat(values(HOSTILE_KEY, "50% OFF_\\")).containsExactly(HOSTILE_VALUE);
		assertThat(values(HOSTILE_KEY, "%")).isEmpty();
		assertThat(values(HOSTILE_KEY, "\\")).isEmpty();
		assertThat(values(HOSTILE_KEY, "' OR 1=1 --")).isEmpty();
		assertThat(values("%", "_")).containsExactly("_");
		assertThat(values("%", "%")).isEmpty();
		Map<String, List<Long>> counts = store().countByTagValue(PROJECT, ISSUE, HOSTILE_KEY,
				List.of(HOSTILE_VALUE, "' OR 1=1 --"), this.events.at(0), this.events.at(4_000), Duration.ofSeconds(2));
		assertThat(counts).containsExactly(entry(HOSTILE_VALUE, List.of(1L, 0L)),
				entry("' OR 1=1 --", List.of(0L, 0L)));
		assertThat(store().tagKeys(List.of(PROJECT), this.events.at(0), 10)).extracting(TagKeyCount::key)
			.containsExactly(HOSTILE_KEY, "level", "%");
	}

	@Test
	void countByTagValueBucketsLikeCountByIssue() {
		Instant from = this.events.at(0);
		Duration hour = Duration.ofHours(1);
		store().write(List.of(tagged(ISSUE, 0, "error", Map.of("browser", "Chrome")),
				tagged(ISSUE, hour.toMillis() - 1, "error", Map.of("browser", "Chrome")),
				tagged(ISSUE, hour.toMillis(), "warning", Map.of("browser", "Firefox")),
				tagged(ISSUE, 2 * hour.toMillis() + 5, "error", Map.of("browser", "Chrome", "level", "custom")),
				tagged(ISSUE, -1, "error", Map.of("browser", "Chrome")),
				tagged(ISSUE, 3 * hour.toMillis(), "error", Map.of("browser", "Chrome")),
				tagged(OTHER_ISSUE, 5, "error", Map.of("browser", "Chrome")), this.events.tagged(OTHER_PROJECT, ISSUE,
						this.events.at(5), "error", null, null, Map.of("browser", "Chrome"), "h")));

		Instant to = from.plus(hour.multipliedBy(3));
		Map<String, List<Long>> browsers = store().countByTagValue(PROJECT, ISSUE, "browser",
				List.of("Chrome", "Firefox", "Safari"), from, to, hour);
		Map<String, List<Long>> levels = store().countByTagValue(PROJECT, ISSUE, "level",
				List.of("error", "custom", "warning"), from, to, hour);

		assertThat(browsers).containsExactly(entry("Chrome", List.of(2L, 0L, 1L)),
				entry("Firefox", List.of(0L, 1L, 0L)), entry("Safari", List.of(0L, 0L, 0L)));
		assertThat(levels).containsExactly(entry("error", List.of(2L, 0L, 0L)), entry("custom", List.of(0L, 0L, 1L)),
				entry("warning", List.of(0L, 1L, 0L)));
		assertThat(store().countByTagValue(PROJECT, ISSUE, "browser", List.of(), from, to, hour)).isEmpty();
		assertThat(store().countByTagValue(PROJECT, ISSUE, "browser", List.of("Chrome"), from,
				from.plus(Duration.ofMinutes(90)), hour))
			.containsExactly(entry("Chrome", List.of(2L, 0L)));
	}

	@Test
	void tagKeysOfSeveralProjectsSinceATime() {
		Instant since = this.events.at(1_000);
		store().write(List.of(
				this.events.tagged(PROJECT, ISSUE, this.events.at(1_000), "error", "1.0", "prod",
						Map.of("browser", "Chrome", "os", "Linux"), "h"),
				this.events.tagged(PROJECT, OTHER_ISSUE, this.events.at(2_000), "error", null, "prod",
						Map.of("browser", "Firefox"), "h"),
				this.events.tagged(OTHER_PROJECT, ISSUE, this.events.at(3_000), "info", null, null,
						Map.of("browser", "Chrome"), "h"),
				this.events.tagged(PROJECT, ISSUE, this.events.at(999), "error", null, null,
						Map.of("old", "x", "browser", "Old"), "h"),
				this.events.tagged(3, ISSUE, this.events.at(5_000), "error", null, null, Map.of("elsewhere", "x"),
						"h")));

		assertThat(store().tagKeys(List.of(PROJECT, OTHER_PROJECT), since, 100)).containsExactly(
				new TagKeyCount("browser", 3, 2), new TagKeyCount("level", 3, 2), new TagKeyCount("environment", 2, 1),
				new TagKeyCount("os", 1, 1), new TagKeyCount("release", 1, 1));
		assertThat(store().tagKeys(List.of(PROJECT, OTHER_PROJECT), since, 2)).extracting(TagKeyCount::key)
			.containsExactly("browser", "level");
		assertThat(store().tagKeys(List.of(OTHER_PROJECT), since, 100))
			.containsExactly(new TagKeyCount("browser", 1, 1), new TagKeyCount("level", 1, 1));
		assertThat(store().tagKeys(List.of(PROJECT), this.events.at(10_000), 100)).isEmpty();
		assertThat(store().tagKeys(List.of(), since, 100)).isEmpty();
	}

	@Test
	void tagValuesMatchAPrefixIgnoringCase() {
		Instant since = this.events.at(1_000);
		store().write(List.of(tagged(ISSUE, 1_000, "error", Map.of("browser", "Chrome 120")),
				tagged(ISSUE, 3_000, "error", Map.of("browser", "Chrome 120")),
				tagged(OTHER_ISSUE, 2_000, "error", Map.of("browser", "CHROMIUM")),
				tagged(ISSUE, 4_000, "error", Map.of("browser", "Firefox")),
				tagged(ISSUE, 500, "error", Map.of("browser", "Chrome old")),
				this.events.tagged(OTHER_PROJECT, ISSUE, this.events.at(6_000), "error", null, null,
						Map.of("browser", "chrome"), "h"),
				this.events.tagged(3, ISSUE, this.events.at(6_000), "error", null, null, Map.of("browser", "Chrome X"),
						"h")));

		assertThat(store().tagValues(List.of(PROJECT, OTHER_PROJECT), "browser", "chr", since, 100)).containsExactly(
				value("Chrome 120", 2, 1_000, 3_000), value("CHROMIUM", 1, 2_000), value("chrome", 1, 6_000));
		assertThat(values("browser", "")).containsExactly("Chrome 120", "CHROMIUM", "Chrome old", "Firefox");
		assertThat(values("browser", "FIRE")).containsExactly("Firefox");
		assertThat(values("browser", "rome")).isEmpty();
		assertThat(store().tagValues(List.of(PROJECT), "browser", "", since, 1)).extracting(TagValueCount::value)
			.containsExactly("Chrome 120");
		assertThat(values("level", "E")).containsExactly("error");
		assertThat(values("unknown", "")).isEmpty();
		assertThat(store().tagValues(List.of(), "browser", "", since, 100)).isEmpty();
	}

	private List<String> values(String key, String prefix) {
		return store().tagValues(List.of(PROJECT), key, prefix, this.events.at(0), 100)
			.stream()
			.map(TagValueCount::value)
			.toList();
	}

	/**
	 * Issue 10: two errors of release 1.0 with browser Chrome (prod with os Linux, then
	 * staging) and a warning tagged level=custom with browser Firefox and neither release
	 * nor environment; plus events of another issue and another project.
	 */
	private void writeFacetIssue() {
		store().write(List.of(
				this.events.tagged(PROJECT, ISSUE, this.events.at(1_000), "error", "1.0", "prod",
						Map.of("browser", "Chrome", "os", "Linux"), "h"),
				this.events.tagged(PROJECT, ISSUE, this.events.at(2_000), "error", "1.0", "staging",
						Map.of("browser", "Chrome"), "h"),
				this.events.tagged(PROJECT, ISSUE, this.events.at(3_000), "warning", null, null,
						Map.of("browser", "Firefox", "level", "custom"), "h"),
				this.events.tagged(PROJECT, OTHER_ISSUE, this.events.at(4_000), "fatal", "2.0", "prod",
						Map.of("browser", "Safari"), "h"),
				this.events.tagged(OTHER_PROJECT, ISSUE, this.events.at(5_000), "fatal", "3.0", "dev",
						Map.of("device", "Pixel"), "h")));
	}

	private StoredEvent tagged(long issueId, long offsetMillis, String level, Map<String, String> tags) {
		return this.events.tagged(PROJECT, issueId, this.events.at(offsetMillis), level, null, null, tags, "h");
	}

	private TagValueCount value(String value, long count, long firstMillis, long lastMillis) {
		return new TagValueCount(value, count, this.events.at(firstMillis), this.events.at(lastMillis));
	}

	private TagValueCount value(String value, long count, long atMillis) {
		return value(value, count, atMillis, atMillis);
	}

}
