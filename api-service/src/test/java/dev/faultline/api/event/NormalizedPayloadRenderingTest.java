package dev.faultline.api.event;

import java.time.Instant;
import java.util.Map;

import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload contract from both ends: recorded SDK events normalized by core, as the
 * processor stores them, render as Sentry's event JSON.
 */
class NormalizedPayloadRenderingTest {

	private static final Instant RECEIVED = Instant.parse("2026-11-24T23:58:38.200Z");

	private final EventRenderer renderer = new EventRenderer(SampleEvents.JSON);

	private static StoredEvent normalizedSample(String name) {
		ObjectNode payload = new EventNormalizer().normalize(SampleEvents.rawEvent(name),
				NormalizationContext.receivedAt(RECEIVED));
		return new StoredEvent(1, payload.path("event_id").asString(), 2,
				Instant.parse(payload.path("timestamp").asString()), RECEIVED, payload.path("platform").asString(),
				payload.path("level").asString(), payload.path("title").asString(),
				payload.path("culprit").asString(""), payload.path("title").asString(), null, null, null, null,
				Map.of(), null, "hash", "app", SampleEvents.JSON.writeValueAsString(payload));
	}

	@Test
	void javaErrorRendersItsChainedExceptionsAndBreadcrumbs() {
		ObjectNode json = this.renderer.full(normalizedSample("java-event-error"));
		assertThat(json.path("title").asString()).contains("IllegalStateException");
		assertThat(json.path("type").asString()).isEqualTo("error");
		assertThat(json.path("entries").values()).extracting((entry) -> entry.path("type").asString())
			.containsExactly("exception", "breadcrumbs");
		JsonNode values = json.path("entries").path(0).path("data").path("values");
		assertThat(values.values()).extracting((value) -> value.path("type").asString())
			.containsExactly("IOException", "IllegalStateException");
		assertThat(json.path("tags").values()).extracting((tag) -> tag.path("key").asString())
			.contains("feature", "tenant", "environment", "release", "level");
		assertThat(json.path("user").path("email").asString()).isEqualTo("alice@example.com");
		assertThat(json.path("environment").asString()).isEqualTo("staging");
		assertThat(json.path("release").path("version").asString()).isEqualTo("app@1.2.3");
	}

	@Test
	void nodeErrorRendersSourceContext() {
		ObjectNode json = this.renderer.full(normalizedSample("node-event-error"));
		JsonNode frames = json.path("entries")
			.path(0)
			.path("data")
			.path("values")
			.path(0)
			.path("stacktrace")
			.path("frames");
		assertThat(frames.values()).anySatisfy((frame) -> assertThat(frame.path("context").size()).isPositive());
		assertThat(frames.values()).allSatisfy((frame) -> assertThat(frame.path("inApp").isBoolean()).isTrue());
	}

	@Test
	void messageEventsRenderAMessageEntry() {
		ObjectNode json = this.renderer.full(normalizedSample("java-event-message"));
		assertThat(json.path("entries").values()).extracting((entry) -> entry.path("type").asString())
			.contains("message");
		JsonNode message = json.path("entries")
			.values()
			.stream()
			.filter((entry) -> "message".equals(entry.path("type").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(message.path("data").path("formatted").asString()).isNotEmpty();
	}

}
