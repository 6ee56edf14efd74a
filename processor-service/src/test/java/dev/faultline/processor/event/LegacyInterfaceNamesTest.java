package dev.faultline.processor.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.processor.Samples;
import dev.faultline.processor.TestPipelines;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.queue.QueueRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that use the legacy interface names of older SDKs (raven clients) and of
 * Sentry's own sample events ({@code sentry.interfaces.Exception}, {@code …Stacktrace},
 * {@code …Http}, {@code …User}, {@code …Message}, {@code …Breadcrumbs}) go through
 * normalization, scrubbing and grouping like their modern spelling: same title, same
 * exception and stack trace in the stored payload, same group. Before the typed event
 * model such an event was stored as {@code <unlabeled event>} with its exception and
 * stack trace lost.
 */
class LegacyInterfaceNamesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LEGACY = """
			{"event_id": "6c3f4c2e0c5a4d1e9b7f2a1d3e4f5a6b", "platform": "python", "timestamp": "2026-11-25T00:29:00",
			 "sentry.interfaces.Exception": {"values": [{"type": "ZeroDivisionError", "value": "division by zero",
			   "module": "builtins", "stacktrace": {"frames": [
			     {"module": "django.core.handlers.base", "function": "get_response", "filename": "django/core/handlers/base.py",
			      "lineno": 113, "in_app": false},
			     {"module": "shop.views", "function": "checkout", "filename": "shop/views.py", "lineno": 42,
			      "context_line": "    return total / count", "in_app": true}]}}]},
			 "sentry.interfaces.Http": {"url": "https://shop.example.com/checkout", "method": "POST",
			   "headers": {"User-Agent": "Mozilla/5.0"}},
			 "sentry.interfaces.User": {"id": "u-7", "email": "someone@example.com"},
			 "sentry.interfaces.Breadcrumbs": {"values": [{"timestamp": 1764030500, "message": "opened cart"}]},
			 "tags": {"region": "eu"}}
			""";

	private static final String MODERN = LEGACY.replace("sentry.interfaces.Exception", "exception")
		.replace("sentry.interfaces.Http", "request")
		.replace("sentry.interfaces.User", "user")
		.replace("sentry.interfaces.Breadcrumbs", "breadcrumbs")
		.replace("6c3f4c2e0c5a4d1e9b7f2a1d3e4f5a6b", "7c3f4c2e0c5a4d1e9b7f2a1d3e4f5a6b");

	/** The shape of raven-js 1.x: one bare exception and the stack trace beside it. */
	private static final String RAVEN_JS = """
			{"event_id": "8c3f4c2e0c5a4d1e9b7f2a1d3e4f5a6b", "platform": "javascript", "logger": "javascript",
			 "message": "Can't find variable: doSomething", "culprit": "file:///pages/index.html",
			 "sentry.interfaces.Exception": {"type": "ReferenceError", "value": "Can't find variable: doSomething"},
			 "sentry.interfaces.Stacktrace": {"frames": [
			   {"filename": "file:///pages/index.html", "function": "onClick", "lineno": 12, "in_app": true}]},
			 "sentry.interfaces.Message": {"message": "Can't find variable: %s", "params": ["doSomething"]}}
			""";

	// The stores are never touched by prepare().
	private final TestPipelines.Built pipeline = TestPipelines.pure();

	private final StoredEventMapper mapper = new StoredEventMapper();

	@Test
	void anEventWithOnlyLegacyNamesIsTitledStoredAndGroupedLikeItsModernSpelling() {
		TestPipelines.Batch batch = this.pipeline.prepare(List.of(record("1", LEGACY), record("2", MODERN)));

		assertThat(batch.events()).hasSize(2);
		PreparedEvent legacy = batch.events().get(0);
		PreparedEvent modern = batch.events().get(1);
		StoredEvent stored = this.mapper.map(legacy, 1);
		assertThat(stored.title()).isEqualTo("ZeroDivisionError: division by zero");
		assertThat(stored.culprit()).isEqualTo("shop.views in checkout");
		assertThat(legacy.grouping().variant()).isEqualTo("app");
		assertThat(legacy.grouping().components()).containsExactly("type:ZeroDivisionError",
				"frame:shop.views | checkout | return total / count");
		assertThat(legacy.grouping().hash()).isEqualTo(modern.grouping().hash());
		JsonNode payload = JSON.readTree(stored.payload());
		assertThat(payload.at("/exception/values/0/type").asString()).isEqualTo("ZeroDivisionError");
		assertThat(payload.at("/exception/values/0/stacktrace/frames/1/function").asString()).isEqualTo("checkout");
		assertThat(payload.at("/request/url").asString()).isEqualTo("https://shop.example.com/checkout");
		assertThat(payload.at("/breadcrumbs/values/0/message").asString()).isEqualTo("opened cart");
		assertThat(stored.user().id()).isEqualTo("u-7");
		assertThat(payload.has("sentry.interfaces.Exception")).isFalse();
		StoredEvent storedModern = this.mapper.map(modern, 2);
		assertThat(stored.title()).isEqualTo(storedModern.title());
		assertThat(stored.culprit()).isEqualTo(storedModern.culprit());
	}

	@Test
	void aRavenJsEventGetsItsExceptionItsStackTraceAndItsMessage() {
		PreparedEvent raven = this.pipeline.prepare(List.of(record("3", RAVEN_JS))).events().get(0);

		StoredEvent stored = this.mapper.map(raven, 1);
		assertThat(stored.title()).isEqualTo("ReferenceError: Can't find variable: doSomething");
		assertThat(stored.culprit()).isEqualTo("onClick(file:///pages/index.html)");
		assertThat(raven.grouping().variant()).isEqualTo("app");
		JsonNode payload = JSON.readTree(stored.payload());
		assertThat(payload.at("/exception/values/0/stacktrace/frames/0/function").asString()).isEqualTo("onClick");
		assertThat(payload.at("/logentry/message").asString()).isEqualTo("Can't find variable: %s");
		assertThat(payload.at("/logentry/formatted").asString()).isEqualTo("Can't find variable: doSomething");
	}

	private static QueueRecord record(String position, String event) {
		String envelope = "{}\n{\"type\":\"event\"}\n" + event.replace("\n", " ") + "\n";
		return new QueueRecord(position, Samples.queued(envelope.getBytes(StandardCharsets.UTF_8)));
	}

}
