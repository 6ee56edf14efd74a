package dev.faultline.api.trace;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.SpanWriter;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace endpoints on the whole application over the embedded adapters: one trace
 * across two projects of the organization (a front segment with a child calling the back
 * service's segment), an error on a back span and one naming no stored span, and spans of
 * the same trace id in a project of another organization, which no answer may show.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + TraceApiIT.TOKEN, "faultline.admin.password=admin-password" })
class TraceApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "trace-token-0123456789abcdef0123";

	static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	SpanWriter spans;

	@Autowired
	EventStore events;

	private static @Nullable Project front;

	private static @Nullable Project back;

	private static @Nullable Project foreign;

	@BeforeEach
	void seed() {
		if (front != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		front = this.projects.create(organization.id(), team.id(), "trace-front", "Front", "node");
		back = this.projects.create(organization.id(), team.id(), "trace-back", "Back", "java");
		Organization elsewhere = this.organizations.create("trace-elsewhere", "Elsewhere");
		Team theirs = this.organizations.createTeam(elsewhere.id(), "theirs", "Theirs");
		foreign = this.projects.create(elsewhere.id(), theirs.id(), "trace-foreign", "Foreign", "java");
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		List<StoredSpan> rows = new ArrayList<>();
		rows.add(span(front.id(), "f000000000000001", null, "f000000000000001", null, true, t0, 300, "http.server",
				"GET /checkout", Map.of("lcp", new Measurement(900, "millisecond"))));
		rows.add(span(front.id(), "f000000000000002", "f000000000000001", "f000000000000001", null, false,
				t0.plusMillis(10), 200, "http.client", "POST /charge", Map.of()));
		rows.add(span(back.id(), "b000000000000001", "f000000000000002", "b000000000000001",
				"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1", true, t0.plusMillis(20), 150, "http.server", "POST /charge",
				Map.of()));
		rows.add(span(back.id(), "b000000000000002", "b000000000000001", "b000000000000001",
				"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1", false, t0.plusMillis(30), 100, "db.query", "UPDATE balances",
				Map.of()));
		rows.add(span(foreign.id(), "9000000000000001", null, "9000000000000001", null, true, t0, 50, "http.server",
				"GET /theirs", Map.of()));
		this.spans.writeSpans(rows);
		this.events.write(List.of(error(back.id(), "e0000000000000000000000000000001", "b000000000000002", t0, 100),
				error(back.id(), "e0000000000000000000000000000002", "0000000000000bad", t0, 200),
				error(foreign.id(), "e0000000000000000000000000000003", "9000000000000001", t0, 50)));
	}

	@Test
	void theTreeCrossesProjectsWithErrorsOnTheirSpans() throws Exception {
		JsonNode roots = ok("/api/0/organizations/faultline/trace/" + TRACE + "/?project=-1&statsPeriod=14d");

		assertThat(roots).hasSize(2);
		JsonNode root = roots.get(0);
		assertThat(root.path("event_type").asString()).isEqualTo("span");
		assertThat(root.path("event_id").asString()).isEqualTo("f000000000000001");
		assertThat(root.path("project_slug").asString()).isEqualTo("trace-front");
		assertThat(root.path("is_transaction").asBoolean()).isTrue();
		assertThat(root.path("duration").asDouble()).isEqualTo(300.0);
		assertThat(root.path("measurements").path("lcp").path("value").asDouble()).isEqualTo(900.0);
		JsonNode call = root.path("children").get(0);
		assertThat(call.path("op").asString()).isEqualTo("http.client");
		JsonNode backSegment = call.path("children").get(0);
		assertThat(backSegment.path("project_slug").asString()).isEqualTo("trace-back");
		assertThat(backSegment.path("parent_span_id").asString()).isEqualTo("f000000000000002");
		assertThat(backSegment.path("transaction_id").asString()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1");
		JsonNode query = backSegment.path("children").get(0);
		assertThat(query.path("errors")).singleElement()
			.satisfies((error) -> assertThat(error.path("event_id").asString())
				.isEqualTo("e0000000000000000000000000000001"));
		assertThat(query.path("start_timestamp").asDouble()).isLessThan(query.path("end_timestamp").asDouble());
		JsonNode orphan = roots.get(1);
		assertThat(orphan.path("event_type").asString()).isEqualTo("error");
		assertThat(orphan.path("event_id").asString()).isEqualTo("e0000000000000000000000000000002");
		assertThat(orphan.path("span").asString()).isEqualTo("0000000000000bad");
		assertThat(roots.toString()).doesNotContain("trace-foreign").doesNotContain("9000000000000001");
	}

	@Test
	void theProjectParameterNarrowsTheTraceAndForeignProjectsAreRefused() throws Exception {
		JsonNode roots = ok("/api/0/organizations/faultline/trace/" + TRACE + "/?project=" + back.id());

		// Without the front project the back segment's parent is not there: it is a root.
		assertThat(roots.get(0).path("event_id").asString()).isEqualTo("b000000000000001");
		assertThat(roots.toString()).doesNotContain("f000000000000001");
		assertThat(request("GET", "/api/0/organizations/faultline/trace/" + TRACE + "/?project=" + foreign.id(), TOKEN)
			.statusCode()).isEqualTo(403);
		assertThat(request("GET", "/api/0/organizations/trace-elsewhere/trace/" + TRACE + "/", TOKEN).statusCode())
			.isIn(403, 404);
	}

	@Test
	void malformedTraceIdsAreBadRequests() throws Exception {
		HttpResponse<String> response = request("GET", "/api/0/organizations/faultline/trace/not-a-trace/", TOKEN);

		assertThat(jsonBody(response, 400).path("detail").asString()).contains("trace id");
	}

	@Test
	void theMetaCountsTheTrace() throws Exception {
		JsonNode meta = ok("/api/0/organizations/faultline/trace-meta/" + TRACE + "/");

		assertThat(meta.path("errorsCount").asLong()).isEqualTo(2);
		assertThat(meta.path("performanceIssuesCount").asLong()).isZero();
		assertThat(meta.path("spansCount").asLong()).isEqualTo(4);
		assertThat(meta.path("projectsCount").asLong()).isEqualTo(2);
		assertThat(meta.path("spansCountMap").path("http.server").asLong()).isEqualTo(2);
		assertThat(meta.path("transactionChildCountMap")).hasSize(2);
	}

	@Test
	void theLegacyTraceNestsTransactionsByGeneration() throws Exception {
		JsonNode body = ok("/api/0/organizations/faultline/events-trace/" + TRACE + "/?project=-1&detailed=1");

		JsonNode root = body.path("transactions").get(0);
		assertThat(root.path("span_id").asString()).isEqualTo("f000000000000001");
		assertThat(root.path("generation").asInt()).isZero();
		JsonNode child = root.path("children").get(0);
		assertThat(child.path("event_id").asString()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1");
		assertThat(child.path("parent_event_id").asString()).isEqualTo("f000000000000001");
		assertThat(child.path("generation").asInt()).isEqualTo(1);
		assertThat(child.path("errors")).hasSize(1);
		assertThat(body.path("orphan_errors")).singleElement()
			.satisfies((error) -> assertThat(error.path("event_id").asString())
				.isEqualTo("e0000000000000000000000000000002"));
	}

	private JsonNode ok(String path) throws Exception {
		return jsonBody(request("GET", path, TOKEN), 200);
	}

	private static StoredSpan span(long project, String spanId, @Nullable String parent, String segmentId,
			@Nullable String transactionId, boolean segment, Instant start, long durationMs, String op,
			String description, Map<String, Measurement> measurements) {
		return new StoredSpan(project, TRACE, spanId, parent, segmentId, transactionId, segment, start,
				start.plusMillis(durationMs), durationMs, durationMs / 2.0, start, op, description, "ok",
				segment ? description : "GET /checkout", "1.0", "prod", "node", "sentry.javascript.node", null, 1.0,
				measurements, Map.of(), Map.of("k", "v"));
	}

	private static StoredEvent error(long project, String eventId, String spanId, Instant t0, long offsetMs) {
		Instant at = t0.plusMillis(offsetMs);
		String payload = "{\"contexts\":{\"trace\":{\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + spanId + "\"}}}";
		return new StoredEvent(project, eventId, 7, at, at, "java", "error", "Boom " + eventId.substring(31), "charge",
				"boom", "1.0", "prod", "POST /charge", TRACE, Map.of(), null, "h", "app", payload);
	}

}
