package dev.faultline.processor.performance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.core.performance.DetectionSettings;
import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.StoredSpan;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceIssueFinderTest {

	private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final EnvelopeItem ITEM = new EnvelopeItem(
			JsonNodeFactory.instance.objectNode().put("type", "transaction"), new byte[0]);

	private final PerformanceIssueFinder finder = new PerformanceIssueFinder((project) -> DetectionSettings.DEFAULTS);

	@Test
	void anNPlusOneBecomesAnOccurrenceOfItsOwnIssueTypeWithItsSpansAsEvidence() {
		List<StoredSpan> spans = authors(8, 100);
		List<PreparedEvent> found = this.finder.find(3, "p-1", T0, ITEM, spans.get(0), spans);

		assertThat(found).singleElement().satisfies((occurrence) -> {
			assertThat(occurrence.projectId()).isEqualTo(3);
			assertThat(occurrence.issueType()).isEqualTo("performance_n_plus_one_db_queries");
			assertThat(occurrence.grouping().hash()).matches("[0-9a-f]{32}");
			assertThat(occurrence.event().type()).isEqualTo("transaction");
			assertThat(occurrence.event().title()).isEqualTo("N+1 Query");
			assertThat(occurrence.event().culprit()).isEqualTo("GET /authors");
			assertThat(occurrence.event().release()).isEqualTo("shop@1.0");
			assertThat(occurrence.event().contexts().trace().traceId()).isEqualTo(TRACE);
			JsonNode json = JsonMapper.builder().build().readTree(EventCodec.encode(occurrence.event()));
			JsonNode evidence = json.path("occurrence").path("evidenceData");
			assertThat(evidence.path("offenderSpanIds")).hasSize(8);
			assertThat(evidence.path("causeSpanIds").get(0).asString()).isEqualTo("b000000000000001");
			assertThat(json.path("occurrence").path("subtitle").asString())
				.isEqualTo("SELECT * FROM books WHERE author_id = %s");
			assertThat(json.path("spans")).hasSize(10);
			assertThat(json.path("metadata").path("value").asString()).contains("books");
		});
	}

	@Test
	void theSameLoopWithOtherIdsIsTheSameIssueAndAReplayTheSameOccurrence() {
		List<StoredSpan> first = authors(8, 100);
		List<StoredSpan> second = authors(6, 900);
		PreparedEvent a = this.finder.find(3, "p-1", T0, ITEM, first.get(0), first).get(0);
		PreparedEvent b = this.finder.find(3, "p-2", T0, ITEM, second.get(0), second).get(0);
		PreparedEvent replay = this.finder.find(3, "p-1", T0, ITEM, first.get(0), first).get(0);

		assertThat(a.grouping().hash()).isEqualTo(b.grouping().hash());
		assertThat(replay.eventId()).isEqualTo(a.eventId()).matches("[0-9a-f]{32}");
	}

	@Test
	void aHealthySegmentAndAProjectThatTurnedTheDetectorOffHaveNone() {
		List<StoredSpan> healthy = authors(2, 1);
		assertThat(this.finder.find(3, "p", T0, ITEM, healthy.get(0), healthy)).isEmpty();
		PerformanceIssueFinder off = new PerformanceIssueFinder((project) -> DetectionSettings.DEFAULTS
			.with(Map.of("n_plus_one_db_queries_detection_enabled", "false")));
		List<StoredSpan> loop = authors(8, 1);
		assertThat(off.find(3, "p", T0, ITEM, loop.get(0), loop)).isEmpty();
	}

	@Test
	void browserResourcesAreReadFromTheirDataAndThePaintFromTheSegment() {
		StoredSpan page = span("c000000000000000", null, true, "pageload", "/checkout", 0, 5000,
				Map.of("fcp", new Measurement(3000, "millisecond")), Map.of());
		StoredSpan script = span("c000000000000001", page.spanId(), false, "resource.script",
				"https://cdn.example.com/app.js", 100, 1400, Map.of(),
				Map.of("http.response_content_length", "800000", "http.decoded_response_content_length", "800000",
						"resource.render_blocking_status", "blocking"));
		List<PreparedEvent> found = this.finder.find(3, "p", T0, ITEM, page, List.of(page, script));
		assertThat(found).extracting(PreparedEvent::issueType)
			.containsExactly("performance_render_blocking_asset_span", "performance_uncompressed_assets");
	}

	@Test
	void spanStreamsAreJudgedOnTheirQueryTextNotTheirShortName() {
		List<StoredSpan> spans = new ArrayList<>();
		spans.add(span("a000000000000000", null, true, "http.server", "GET /authors", 0, 5000, Map.of(), Map.of()));
		spans.add(span("b000000000000001", "a000000000000000", false, "db", "SELECT", 1, 11, Map.of(),
				Map.of("db.query.text", "SELECT id FROM authors")));
		for (int i = 0; i < 6; i++) {
			spans.add(span(String.format("d%015d", i), "a000000000000000", false, "db", "SELECT", 12 + i * 30,
					12 + i * 30 + 25, Map.of(),
					Map.of("db.query.text", "SELECT pg_sleep(?), title FROM books WHERE author_id = $1")));
		}
		PreparedEvent occurrence = this.finder.find(3, "p", T0, ITEM, spans.get(0), spans).get(0);
		JsonNode json = JsonMapper.builder().build().readTree(EventCodec.encode(occurrence.event()));
		assertThat(json.path("occurrence").path("subtitle").asString())
			.isEqualTo("SELECT pg_sleep(%s), title FROM books WHERE author_id = %s");
		assertThat(json.path("occurrence").path("evidenceData").path("causeSpanIds").get(0).asString())
			.isEqualTo("b000000000000001");
		assertThat(json.path("spans").get(1).path("description").asString()).isEqualTo("SELECT id FROM authors");
	}

	private static List<StoredSpan> authors(int repetitions, int firstId) {
		List<StoredSpan> spans = new ArrayList<>();
		spans.add(span("a000000000000000", null, true, "http.server", "GET /authors", 0, 5000, Map.of(), Map.of()));
		spans.add(span("b000000000000001", "a000000000000000", false, "db.sql.query", "SELECT id FROM authors", 1, 11,
				Map.of(), Map.of()));
		for (int i = 0; i < repetitions; i++) {
			spans.add(span(String.format("d%015d", i), "a000000000000000", false, "db.sql.query",
					"SELECT * FROM books WHERE author_id = " + (firstId + i), 12 + i * 30, 12 + i * 30 + 25, Map.of(),
					Map.of()));
		}
		return spans;
	}

	private static StoredSpan span(String id, String parent, boolean segment, String op, String description,
			long startMillis, long endMillis, Map<String, Measurement> measurements, Map<String, String> data) {
		Instant start = T0.plusMillis(startMillis);
		Instant end = T0.plusMillis(endMillis);
		return new StoredSpan(3, TRACE, id, parent, "a000000000000000", "7c9f3e8a2b1d4c6e8f0a1b2c3d4e5f60", segment,
				start, end, endMillis - startMillis, endMillis - startMillis, T0, op, description, "ok", "GET /authors",
				"shop@1.0", "production", "java", "sentry.java", null, 1, measurements, Map.of(), data);
	}

}
