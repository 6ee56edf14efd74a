package dev.faultline.core.normalize;

import java.time.Instant;

import dev.faultline.core.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventTrimmerTest {

	private final EventTrimmer trimmer = new EventTrimmer();

	@ParameterizedTest
	@ValueSource(strings = { "java-event-error", "java-event-message", "node-event-error", "browser-event-error",
			"cli-event" })
	void recordedSdkEventsAreLeftAlone(String sample) {
		ObjectNode event = new EventNormalizer().normalize(Samples.event(sample),
				new NormalizationContext(Instant.parse("2026-11-25T00:30:00Z"), null, null, null));
		ObjectNode before = event.deepCopy();
		assertThat(this.trimmer.trim(event)).isZero();
		assertThat(event).isEqualTo(before);
	}

	@Test
	void longMessagesAndStringsAreCutAndMarked() {
		ObjectNode event = Samples.JSON.createObjectNode();
		event.putObject("logentry").put("formatted", "m".repeat(10_000));
		event.putObject("extra").put("blob", "b".repeat(5000));

		assertThat(this.trimmer.trim(event)).isEqualTo(2);
		assertThat(event.path("logentry").path("formatted").asString()).hasSize(EventTrimmer.MAX_MESSAGE)
			.endsWith("...");
		assertThat(event.path("extra").path("blob").asString()).hasSize(EventTrimmer.MAX_STRING);
		ObjectNode meta = (ObjectNode) event.path("_meta").path("logentry").path("formatted").path("");
		assertThat(meta.path("len").asInt()).isEqualTo(10_000);
		assertThat(meta.path("rem").path(0).path(0).asString()).isEqualTo("!limit");
		assertThat(event.path("_meta").path("extra").path("blob").path("").path("len").asInt()).isEqualTo(5000);
	}

	@Test
	void onlyTheMostRecentBreadcrumbsAreKept() {
		ObjectNode event = Samples.JSON.createObjectNode();
		ArrayNode crumbs = event.putObject("breadcrumbs").putArray("values");
		for (int i = 0; i < 150; i++) {
			crumbs.addObject().put("message", "crumb " + i);
		}

		this.trimmer.trim(event);
		assertThat(crumbs).hasSize(EventTrimmer.MAX_BREADCRUMBS);
		assertThat(crumbs.get(0).path("message").asString()).isEqualTo("crumb 50");
		assertThat(crumbs.get(99).path("message").asString()).isEqualTo("crumb 149");
		assertThat(event.path("_meta").path("breadcrumbs").path("values").path("").path("len").asInt()).isEqualTo(150);
	}

	@Test
	void deepStacksKeepBothEnds() {
		ObjectNode event = Samples.JSON.createObjectNode();
		ArrayNode frames = event.putObject("exception")
			.putArray("values")
			.addObject()
			.putObject("stacktrace")
			.putArray("frames");
		for (int i = 0; i < 400; i++) {
			frames.addObject().put("function", "f" + i);
		}

		this.trimmer.trim(event);
		assertThat(frames).hasSize(EventTrimmer.MAX_FRAMES);
		assertThat(frames.get(0).path("function").asString()).isEqualTo("f0");
		assertThat(frames.get(124).path("function").asString()).isEqualTo("f124");
		assertThat(frames.get(125).path("function").asString()).isEqualTo("f275");
		assertThat(frames.get(249).path("function").asString()).isEqualTo("f399");
		assertThat(event.path("_meta")
			.path("exception")
			.path("values")
			.path("0")
			.path("stacktrace")
			.path("frames")
			.path("")
			.path("len")
			.asInt()).isEqualTo(400);
	}

	@Test
	void deepExtraBecomesText() {
		ObjectNode event = Samples.JSON.createObjectNode();
		ObjectNode level = event.putObject("extra");
		for (int i = 1; i <= 7; i++) {
			level = level.putObject("l" + i);
		}
		level.put("leaf", true);

		this.trimmer.trim(event);
		assertThat(event.path("extra").path("l1").path("l2").path("l3").path("l4").path("l5").isString()).isTrue();
		assertThat(event.path("extra").path("l1").path("l2").path("l3").path("l4").path("l5").asString())
			.contains("\"leaf\":true");
		assertThat(event.path("_meta").path("extra").path("l1").path("l2").path("l3").path("l4").path("l5").has(""))
			.isTrue();
	}

}
