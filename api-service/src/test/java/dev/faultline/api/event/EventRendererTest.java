package dev.faultline.api.event;

import java.time.Instant;
import java.util.Map;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventRendererTest {

	private static final String EVENT_ID = "6aa8c7780204425899c477fb1b6e1641";

	private final EventRenderer renderer = new EventRenderer(SampleEvents.JSON);

	/**
	 * The Java SDK's error sample, normalized by hand as the payload contract says.
	 */
	static ObjectNode normalizedJavaError() {
		ObjectNode event = SampleEvents.rawEvent("java-event-error");
		event.put("received", "2026-11-24T23:58:38.200Z");
		event.put("level", "error");
		ArrayNode crumbs = (ArrayNode) event.remove("breadcrumbs");
		event.putObject("breadcrumbs").set("values", crumbs);
		ObjectNode wireTags = (ObjectNode) event.remove("tags");
		ArrayNode tags = event.putArray("tags");
		wireTags.properties().forEach((tag) -> tags.addArray().add(tag.getKey()).add(tag.getValue().asString()));
		event.put("title", "IllegalStateException: Checkout failed for order ord-1234");
		event.put("culprit", "sdkharness.Main in processOrder");
		event.put("type", "error");
		event.putObject("metadata")
			.put("type", "IllegalStateException")
			.put("value", "Checkout failed for order ord-1234")
			.put("filename", "Main.java")
			.put("function", "processOrder");
		return event;
	}

	static StoredEvent stored(ObjectNode payload) {
		return new StoredEvent(5, payload.path("event_id").asString(), 9, Instant.parse("2026-11-24T23:58:38.083Z"),
				Instant.parse("2026-11-24T23:58:38.200Z"), payload.path("platform").asString("other"), "error",
				payload.path("title").asString(""), payload.path("culprit").asString(""),
				"Checkout failed for order ord-1234", "app@1.2.3", "staging", null, null, Map.of("feature", "checkout"),
				new EventUser("user-42", "alice", "alice@example.com", "10.1.2.3"), "f00dfeed", "app",
				SampleEvents.JSON.writeValueAsString(payload));
	}

	@Test
	void rendersIdsTimesAndSummaryFieldsFromTheColumns() {
		ObjectNode json = this.renderer.full(stored(normalizedJavaError()));
		assertThat(json.path("id").asString()).isEqualTo(EVENT_ID);
		assertThat(json.path("eventID").asString()).isEqualTo(EVENT_ID);
		assertThat(json.path("groupID").asString()).isEqualTo("9");
		assertThat(json.path("projectID").asString()).isEqualTo("5");
		assertThat(json.path("dateCreated").asString()).isEqualTo("2026-11-24T23:58:38.083Z");
		assertThat(json.path("dateReceived").asString()).isEqualTo("2026-11-24T23:58:38.200Z");
		assertThat(json.path("title").asString())
			.isEqualTo("IllegalStateException: Checkout failed for order ord-1234");
		assertThat(json.path("culprit").asString()).isEqualTo("sdkharness.Main in processOrder");
		assertThat(json.path("type").asString()).isEqualTo("error");
		assertThat(json.path("platform").asString()).isEqualTo("java");
		assertThat(json.path("location").asString()).isEqualTo("Main.java");
		assertThat(json.path("fingerprints").values()).extracting(JsonNode::asString).containsExactly("f00dfeed");
		assertThat(json.path("release").path("version").asString()).isEqualTo("app@1.2.3");
		assertThat(json.path("environment").asString()).isEqualTo("staging");
		assertThat(json.path("errors").isArray()).isTrue();
	}

	@Test
	void rendersProcessingErrorsAndTheFramesAsSent() {
		ObjectNode payload = normalizedJavaError();
		payload.putArray("errors")
			.addObject()
			.put("type", "proguard_missing_mapping")
			.put("mapping_uuid", "ad205de4-89ac-57ef-9124-1246b863e94b");
		ObjectNode exception = (ObjectNode) payload.path("exception").path("values").get(0);
		exception.putObject("raw_stacktrace")
			.putArray("frames")
			.addObject()
			.put("module", "a.b")
			.put("function", "c")
			.put("lineno", 3);

		ObjectNode json = this.renderer.full(stored(payload));

		JsonNode error = json.path("errors").get(0);
		assertThat(error.path("type").asString()).isEqualTo("proguard_missing_mapping");
		assertThat(error.path("message").asString()).isEqualTo("A proguard mapping file was missing.");
		assertThat(error.path("data").path("mapping_uuid").asString())
			.isEqualTo("ad205de4-89ac-57ef-9124-1246b863e94b");
		JsonNode values = json.path("entries").get(0).path("data").path("values");
		assertThat(values.get(0).path("rawStacktrace").path("frames").get(0).path("module").asString())
			.isEqualTo("a.b");
		assertThat(values.get(0).path("rawStacktrace").path("frames").get(0).path("lineNo").asInt()).isEqualTo(3);
		assertThat(values.get(1).path("rawStacktrace").isNull()).isTrue();
	}

	@Test
	void passesThroughContextsSdkPackagesAndExtra() {
		ObjectNode json = this.renderer.full(stored(normalizedJavaError()));
		assertThat(json.path("contexts").path("order").path("id").asString()).isEqualTo("ord-1234");
		assertThat(json.path("contexts").path("runtime").path("version").asString()).isEqualTo("17.0.15");
		assertThat(json.path("sdk").path("name").asString()).isEqualTo("sentry.java");
		assertThat(json.path("packages").path("sentry").asString()).isEqualTo("8.62.0");
		assertThat(json.path("context").path("order_id").asString()).isEqualTo("ord-1234");
		assertThat(json.path("metadata").path("function").asString()).isEqualTo("processOrder");
	}

	@Test
	void rendersTheStoredMetaOfWhatWasScrubbed() {
		assertThat(this.renderer.full(stored(normalizedJavaError())).path("_meta").isObject()).isTrue();
		ObjectNode payload = (ObjectNode) SampleEvents.JSON.readTree(stored(normalizedJavaError()).payload());
		payload.putObject("_meta")
			.putObject("extra")
			.putObject("password")
			.putObject("")
			.putArray("rem")
			.addArray()
			.add("@password:filter")
			.add("s");
		StoredEvent scrubbed = stored(normalizedJavaError());
		ObjectNode json = this.renderer.full(new StoredEvent(scrubbed.projectId(), scrubbed.eventId(),
				scrubbed.issueId(), scrubbed.timestamp(), scrubbed.receivedAt(), scrubbed.platform(), scrubbed.level(),
				scrubbed.title(), scrubbed.culprit(), scrubbed.message(), scrubbed.release(), scrubbed.environment(),
				scrubbed.transaction(), scrubbed.traceId(), scrubbed.tags(), scrubbed.user(), scrubbed.primaryHash(),
				scrubbed.groupingVariant(), payload.toString()));
		assertThat(json.path("_meta").path("extra").path("password").path("").path("rem").get(0).get(0).asString())
			.isEqualTo("@password:filter");
	}

	@Test
	void rendersUserAndTagsAsSentryDoes() {
		ObjectNode json = this.renderer.full(stored(normalizedJavaError()));
		JsonNode user = json.path("user");
		assertThat(user.path("id").asString()).isEqualTo("user-42");
		assertThat(user.path("email").asString()).isEqualTo("alice@example.com");
		assertThat(user.path("username").asString()).isEqualTo("alice");
		assertThat(user.path("ip_address").asString()).isEqualTo("10.1.2.3");
		assertThat(user.path("name").isNull()).isTrue();
		assertThat(json.path("tags").values())
			.extracting((tag) -> tag.path("key").asString() + "=" + tag.path("value").asString())
			.containsExactly("environment=staging", "feature=checkout", "level=error", "release=app@1.2.3",
					"server_name=harness-host", "tenant=acme", "user=id:user-42");
	}

	@Test
	void rendersTheExceptionEntryInWireOrderWithApiFieldNames() {
		ObjectNode json = this.renderer.full(stored(normalizedJavaError()));
		JsonNode entries = json.path("entries");
		assertThat(entries.values()).extracting((entry) -> entry.path("type").asString())
			.containsExactly("exception", "breadcrumbs");
		JsonNode data = entries.path(0).path("data");
		assertThat(data.path("hasSystemFrames").asBoolean()).isTrue();
		assertThat(data.path("excOmitted").isNull()).isTrue();
		JsonNode values = data.path("values");
		assertThat(values.values()).extracting((value) -> value.path("type").asString())
			.containsExactly("IOException", "IllegalStateException");
		JsonNode cause = values.path(0);
		assertThat(cause.path("value").asString()).isEqualTo("Connection reset by peer while charging ord-1234");
		assertThat(cause.path("module").asString()).isEqualTo("java.io");
		assertThat(cause.path("threadId").asInt()).isEqualTo(1);
		assertThat(cause.path("mechanism").path("type").asString()).isEqualTo("chained");
		assertThat(cause.path("mechanism").path("exception_id").asInt()).isEqualTo(1);
		assertThat(cause.path("rawStacktrace").isNull()).isTrue();
		JsonNode frames = cause.path("stacktrace").path("frames");
		assertThat(frames.values()).extracting((frame) -> frame.path("function").asString())
			.containsExactly("main", "error", "processOrder", "chargeCard");
		JsonNode last = frames.path(3);
		assertThat(last.path("filename").asString()).isEqualTo("Main.java");
		assertThat(last.path("module").asString()).isEqualTo("sdkharness.Main");
		assertThat(last.path("lineNo").asInt()).isEqualTo(148);
		assertThat(last.path("colNo").isNull()).isTrue();
		assertThat(last.path("absPath").isNull()).isTrue();
		assertThat(last.path("inApp").asBoolean()).isTrue();
		assertThat(last.path("context").isArray()).isTrue();
		assertThat(last.path("context").isEmpty()).isTrue();
		assertThat(cause.path("stacktrace").path("framesOmitted").isNull()).isTrue();
	}

	@Test
	void rendersBreadcrumbsWithSentryDefaults() {
		JsonNode crumbs = this.renderer.full(stored(normalizedJavaError()))
			.path("entries")
			.path(1)
			.path("data")
			.path("values");
		assertThat(crumbs.size()).isEqualTo(2);
		JsonNode click = crumbs.path(0);
		assertThat(click.path("type").asString()).isEqualTo("default");
		assertThat(click.path("category").asString()).isEqualTo("ui.click");
		assertThat(click.path("message").asString()).isEqualTo("Clicked checkout");
		assertThat(click.path("level").asString()).isEqualTo("info");
		assertThat(click.path("timestamp").asString()).isEqualTo("2026-11-24T23:58:38.068Z");
		assertThat(click.path("data").path("button").asString()).isEqualTo("pay-now");
		assertThat(click.has("event_id")).isTrue();
		assertThat(crumbs.path(1).path("type").asString()).isEqualTo("http");
		assertThat(crumbs.path(1).path("data").path("status_code").asInt()).isEqualTo(502);
	}

	@Test
	void rendersMessageRequestThreadsAndSourceContextInOrder() {
		ObjectNode payload = SampleEvents.JSON.createObjectNode();
		payload.put("event_id", "0123456789abcdef0123456789abcdef");
		payload.put("platform", "node");
		payload.putObject("logentry")
			.put("formatted", "User 7 failed")
			.put("message", "User %s failed")
			.putArray("params")
			.add("7");
		ObjectNode frame = payload.putObject("exception")
			.putArray("values")
			.addObject()
			.put("type", "Error")
			.putObject("stacktrace")
			.putArray("frames")
			.addObject();
		frame.put("filename", "/app/server.js")
			.put("abs_path", "/app/server.js")
			.put("function", "handle")
			.put("lineno", 10)
			.put("colno", 5)
			.put("in_app", false)
			.put("context_line", "  throw err;");
		frame.putArray("pre_context").add("function handle() {").add("  const err = new Error();");
		frame.putArray("post_context").add("}");
		ObjectNode request = payload.putObject("request");
		request.put("url", "https://shop.example.com/cart").put("method", "POST").put("query_string", "a=1&b=x%20y");
		request.putObject("headers").put("Content-Type", "application/json; charset=utf-8").put("Accept", "*/*");
		request.put("cookies", "session=abc; theme=dark");
		ObjectNode thread = payload.putObject("threads").putArray("values").addObject();
		thread.put("id", 1).put("name", "main").put("crashed", true).put("current", true);
		thread.putObject("stacktrace").putArray("frames").addObject().put("function", "run").put("in_app", true);

		ObjectNode json = this.renderer.full(stored(payload));

		JsonNode entries = json.path("entries");
		assertThat(entries.values()).extracting((entry) -> entry.path("type").asString())
			.containsExactly("exception", "message", "request", "threads");
		JsonNode renderedFrame = entries.path(0)
			.path("data")
			.path("values")
			.path(0)
			.path("stacktrace")
			.path("frames")
			.path(0);
		assertThat(renderedFrame.path("absPath").asString()).isEqualTo("/app/server.js");
		assertThat(renderedFrame.path("colNo").asInt()).isEqualTo(5);
		assertThat(renderedFrame.path("inApp").asBoolean()).isFalse();
		assertThat(renderedFrame.path("context").toString()).isEqualTo(
				"[[8,\"function handle() {\"],[9,\"  const err = new Error();\"],[10,\"  throw err;\"],[11,\"}\"]]");
		assertThat(entries.path(0).path("data").path("hasSystemFrames").asBoolean()).isFalse();
		JsonNode message = entries.path(1).path("data");
		assertThat(message.path("formatted").asString()).isEqualTo("User 7 failed");
		assertThat(message.path("message").asString()).isEqualTo("User %s failed");
		assertThat(message.path("params").path(0).asString()).isEqualTo("7");
		JsonNode requestData = entries.path(2).path("data");
		assertThat(requestData.path("method").asString()).isEqualTo("POST");
		assertThat(requestData.path("query").toString()).isEqualTo("[[\"a\",\"1\"],[\"b\",\"x y\"]]");
		assertThat(requestData.path("headers").toString())
			.isEqualTo("[[\"Content-Type\",\"application/json; charset=utf-8\"],[\"Accept\",\"*/*\"]]");
		assertThat(requestData.path("cookies").toString()).isEqualTo("[[\"session\",\"abc\"],[\"theme\",\"dark\"]]");
		assertThat(requestData.path("inferredContentType").asString()).isEqualTo("application/json");
		JsonNode renderedThread = entries.path(3).path("data").path("values").path(0);
		assertThat(renderedThread.path("crashed").asBoolean()).isTrue();
		assertThat(renderedThread.path("stacktrace").path("frames").path(0).path("function").asString())
			.isEqualTo("run");
	}

	@Test
	void rendersAPerformanceOccurrenceWithItsEvidenceSpans() {
		ObjectNode payload = SampleEvents.JSON.createObjectNode();
		payload.put("event_id", EVENT_ID);
		payload.put("type", "transaction");
		payload.put("title", "N+1 Query");
		payload.putObject("occurrence")
			.put("type", 1006)
			.put("issueType", "performance_n_plus_one_db_queries")
			.put("subtitle", "SELECT * FROM books WHERE author_id = %s")
			.putObject("evidenceData")
			.putArray("offenderSpanIds")
			.add("d000000000000001");
		payload.putArray("spans")
			.addObject()
			.put("span_id", "d000000000000001")
			.put("op", "db.sql.query")
			.put("description", "SELECT * FROM books WHERE author_id = 7");

		ObjectNode json = this.renderer.full(stored(payload));
		assertThat(json.path("type").asString()).isEqualTo("transaction");
		assertThat(json.path("occurrence").path("issueType").asString()).isEqualTo("performance_n_plus_one_db_queries");
		assertThat(json.path("occurrence").path("eventId").asString()).isEqualTo(EVENT_ID);
		assertThat(json.path("occurrence").path("fingerprint").get(0).asString()).isEqualTo("f00dfeed");
		assertThat(json.path("occurrence").path("evidenceData").path("offenderSpanIds").get(0).asString())
			.isEqualTo("d000000000000001");
		JsonNode spans = json.path("entries").get(0);
		assertThat(spans.path("type").asString()).isEqualTo("spans");
		assertThat(spans.path("data").get(0).path("op").asString()).isEqualTo("db.sql.query");
		assertThat(this.renderer.full(stored(normalizedJavaError())).path("occurrence").isNull()).isTrue();
	}

	@Test
	void summaryHasTheListFields() {
		ObjectNode json = this.renderer.summary(stored(normalizedJavaError()));
		assertThat(json.propertyNames()).contains("id", "eventID", "groupID", "projectID", "title", "message",
				"dateCreated", "platform", "tags", "user", "event.type", "culprit", "location", "metadata");
		assertThat(json.has("entries")).isFalse();
		assertThat(json.path("message").asString()).isEqualTo("Checkout failed for order ord-1234");
	}

	@Test
	void toleratesAnUnreadableOrEmptyPayload() {
		StoredEvent broken = new StoredEvent(5, EVENT_ID, 9, Instant.EPOCH, Instant.EPOCH, "java", "error", "t", "c",
				"m", null, null, null, null, Map.of("a", "b"), null, "h", "app", "not json");
		ObjectNode json = this.renderer.full(broken);
		assertThat(json.path("entries").isEmpty()).isTrue();
		assertThat(json.path("user").isNull()).isTrue();
		assertThat(json.path("release").isNull()).isTrue();
		assertThat(json.path("type").asString()).isEqualTo("default");
		assertThat(json.path("tags").toString())
			.isEqualTo("[{\"key\":\"a\",\"value\":\"b\"},{\"key\":\"level\",\"value\":\"error\"}]");
		StoredEvent empty = new StoredEvent(5, EVENT_ID, 9, Instant.EPOCH, Instant.EPOCH, "java", "error", "t", "c",
				"m", null, null, null, null, Map.of(), null, "h", "app", "{}");
		assertThat(this.renderer.full(empty).path("dateCreated").asString()).isEqualTo("1970-01-01T00:00:00.000Z");
	}

	@Test
	void rendersAPayloadStoredWithLegacyInterfaceNames() {
		ObjectNode payload = (ObjectNode) SampleEvents.JSON.readTree("""
				{"event_id": "0123456789abcdef0123456789abcdef", "platform": "python",
				 "sentry.interfaces.Exception": {"type": "ZeroDivisionError", "value": "division by zero",
				   "stacktrace": {"frames": [{"module": "shop.views", "function": "checkout", "in_app": true}]}},
				 "sentry.interfaces.Http": {"url": "https://shop.example.com/", "query": "a=1"},
				 "sentry.interfaces.User": {"id": "u-7"}}
				""");

		ObjectNode json = this.renderer.full(stored(payload));

		JsonNode entries = json.path("entries");
		assertThat(entries.values()).extracting((entry) -> entry.path("type").asString())
			.containsExactly("exception", "request");
		assertThat(entries.at("/0/data/values/0/type").asString()).isEqualTo("ZeroDivisionError");
		assertThat(entries.at("/0/data/values/0/stacktrace/frames/0/function").asString()).isEqualTo("checkout");
		assertThat(entries.at("/1/data/query").toString()).isEqualTo("[[\"a\",\"1\"]]");
		assertThat(json.path("user").path("id").asString()).isEqualTo("u-7");
		assertThat(json.path("type").asString()).isEqualTo("error");
	}

}
