package dev.faultline.core.normalize;

import java.time.Instant;

import dev.faultline.core.Samples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventNormalizerTest {

	private static final Instant RECEIVED = Instant.parse("2026-11-25T00:30:00Z");

	private final EventNormalizer normalizer = new EventNormalizer();

	private ObjectNode normalize(String sample) {
		return this.normalizer.normalize(Samples.event(sample),
				new NormalizationContext(RECEIVED, "203.0.113.7", null, null));
	}

	@Test
	void javaErrorKeepsChainAndComputesTitles() {
		ObjectNode event = normalize("java-event-error");
		assertThat(event.get("event_id").asString()).isEqualTo("6aa8c7780204425899c477fb1b6e1641");
		assertThat(event.get("timestamp").asString()).isEqualTo("2026-11-24T23:58:38.083Z");
		assertThat(event.get("received").asString()).isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(event.get("level").asString()).isEqualTo("error");
		assertThat(event.get("platform").asString()).isEqualTo("java");
		assertThat(event.get("release").asString()).isEqualTo("app@1.2.3");
		assertThat(event.has("logentry")).isFalse();
		assertThat(event.has("message")).isFalse();
		JsonNode values = event.path("exception").path("values");
		assertThat(values.size()).isEqualTo(2);
		assertThat(values.get(0).get("type").asString()).isEqualTo("IOException");
		assertThat(values.get(1).get("type").asString()).isEqualTo("IllegalStateException");
		for (JsonNode exception : values) {
			for (JsonNode frame : exception.path("stacktrace").path("frames")) {
				assertThat(frame.get("in_app").isBoolean()).isTrue();
			}
		}
		assertThat(event.get("type").asString()).isEqualTo("error");
		assertThat(event.get("title").asString())
			.isEqualTo("IllegalStateException: Checkout failed for order ord-1234");
		assertThat(event.get("culprit").asString()).isEqualTo("sdkharness.Main in processOrder");
		assertThat(event.get("metadata").get("type").asString()).isEqualTo("IllegalStateException");
		assertThat(event.get("metadata").get("value").asString()).isEqualTo("Checkout failed for order ord-1234");
		assertThat(event.get("metadata").get("function").asString()).isEqualTo("processOrder");
		assertThat(event.get("metadata").get("filename").asString()).isEqualTo("Main.java");
		assertThat(event.get("tags").toString()).isEqualTo("[[\"feature\",\"checkout\"],[\"tenant\",\"acme\"]]");
		assertThat(event.path("breadcrumbs").path("values").get(0).get("timestamp").asString())
			.isEqualTo("2026-11-24T23:58:38.068Z");
		assertThat(event.path("user").get("id").asString()).isEqualTo("user-42");
		assertThat(event.path("contexts").path("trace").get("trace_id").asString())
			.isEqualTo("f7bec8efdbe7484581882e9a752178fe");
		assertThat(event.get("fingerprint").toString()).isEqualTo("[\"{{ default }}\",\"checkout\"]");
	}

	@Test
	void nodeErrorConvertsEpochSecondsAndUsesJavaScriptCulprit() {
		ObjectNode event = normalize("node-event-error");
		assertThat(event.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(event.get("type").asString()).isEqualTo("error");
		assertThat(event.get("title").asString()).isEqualTo("TypeError: Checkout failed for order ord-1234");
		assertThat(event.get("culprit").asString()).isEqualTo("processOrder(driver)");
		assertThat(event.path("breadcrumbs").path("values").get(0).get("timestamp").asString()).endsWith("Z");
	}

	@Test
	void javaMessageBuildsLogEntryAndTakesCulpritFromThread() {
		ObjectNode event = normalize("java-event-message");
		assertThat(event.has("message")).isFalse();
		assertThat(event.path("logentry").get("formatted").asString())
			.isEqualTo("User %s failed to login after %d attempts");
		assertThat(event.get("level").asString()).isEqualTo("warning");
		assertThat(event.get("type").asString()).isEqualTo("default");
		assertThat(event.get("title").asString()).isEqualTo("User %s failed to login after %d attempts");
		assertThat(event.get("culprit").asString()).isEqualTo("sdkharness.Main in message");
		assertThat(event.get("metadata").toString())
			.isEqualTo("{\"title\":\"User %s failed to login after %d attempts\"}");
		assertThat(event.path("threads").path("values").size()).isEqualTo(1);
	}

	@Test
	void nodeParameterizedMessageIsNotAnErrorDespiteSyntheticException() {
		ObjectNode event = normalize("node-event-message");
		assertThat(event.path("logentry").get("formatted").asString())
			.isEqualTo("Payment of 99.50 EUR for order ord-1234 declined");
		assertThat(event.path("logentry").get("message").asString()).isEqualTo("Payment of %s for order %s declined");
		assertThat(event.path("logentry").get("params").size()).isEqualTo(2);
		assertThat(event.get("type").asString()).isEqualTo("default");
		assertThat(event.get("title").asString()).isEqualTo("Payment of 99.50 EUR for order ord-1234 declined");
		assertThat(event.get("culprit").asString()).isEqualTo("Object.message(driver)");
		assertThat(event.path("breadcrumbs").path("values").get(2).get("level").asString()).isEqualTo("info");
	}

	@Test
	void browserErrorUsesTransactionAsCulprit() {
		ObjectNode event = normalize("browser-event-error");
		assertThat(event.get("platform").asString()).isEqualTo("javascript");
		assertThat(event.get("title").asString()).isEqualTo("TypeError: Checkout failed for order ord-1234");
		assertThat(event.get("culprit").asString()).isEqualTo("/");
		assertThat(event.path("request").get("url").asString()).startsWith("http://127.0.0.1:9401/");
	}

	@Test
	void cliEventGetsClientIpAndDefaults() {
		ObjectNode event = normalize("cli-event");
		assertThat(event.get("event_id").asString()).isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
		assertThat(event.path("user").get("ip_address").asString()).isEqualTo("203.0.113.7");
		assertThat(event.get("platform").asString()).isEqualTo("native");
		assertThat(event.get("level").asString()).isEqualTo("error");
		assertThat(event.get("title").asString()).isEqualTo("hello from sentry-cli");
		assertThat(event.get("culprit").asString()).isEmpty();
		assertThat(event.get("timestamp").asString()).isEqualTo("2026-11-25T00:01:04.304Z");
	}

	@Test
	void missingEventIdFallsBackToEnvelopeHeaderThenGenerates() {
		ObjectNode raw = Samples.JSON.createObjectNode().put("message", "hi");
		ObjectNode fromHeader = this.normalizer.normalize(raw,
				new NormalizationContext(RECEIVED, null, null, "E9ACF878-ED9A-4E30-998F-AD1C6DB54F05"));
		assertThat(fromHeader.get("event_id").asString()).isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
		ObjectNode generated = this.normalizer.normalize(raw, NormalizationContext.receivedAt(RECEIVED));
		assertThat(generated.get("event_id").asString()).matches("[0-9a-f]{32}");
		assertThat(generated.get("timestamp").asString()).isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(generated.get("platform").asString()).isEqualTo("other");
		assertThat(generated.path("logentry").get("formatted").asString()).isEqualTo("hi");
		assertThat(generated.has("release")).isFalse();
	}

	@Test
	void timestampsTooFarOffAreReplacedByReceiveTime() {
		ObjectNode future = Samples.JSON.createObjectNode().put("timestamp", "2026-11-25T00:32:00Z");
		ObjectNode old = Samples.JSON.createObjectNode().put("timestamp", 1.0e9);
		ObjectNode near = Samples.JSON.createObjectNode().put("timestamp", "2026-11-25T01:30:30+01:00");
		NormalizationContext context = NormalizationContext.receivedAt(RECEIVED);
		assertThat(this.normalizer.normalize(future, context).get("timestamp").asString())
			.isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(this.normalizer.normalize(old, context).get("timestamp").asString())
			.isEqualTo("2026-11-25T00:30:00.000Z");
		assertThat(this.normalizer.normalize(near, context).get("timestamp").asString())
			.isEqualTo("2026-11-25T00:30:30.000Z");
	}

	@Test
	void clockDriftIsCorrectedFromSentAt() {
		// The client clock is two hours behind: sent_at says 22:30 while the server
		// received at 00:30.
		ObjectNode raw = Samples.JSON.createObjectNode().put("timestamp", "2026-11-24T22:29:59.500Z");
		ObjectNode event = this.normalizer.normalize(raw,
				new NormalizationContext(RECEIVED, null, Instant.parse("2026-11-24T22:30:00Z"), null));
		assertThat(event.get("timestamp").asString()).isEqualTo("2026-11-25T00:29:59.500Z");
	}

	@Test
	void tagPairsAndBreadcrumbValuesAreAccepted() {
		ObjectNode raw = (ObjectNode) Samples.JSON.readTree("""
				{"tags": [["a", "1"], ["b", 2], ["a", "dup"], ["c", null]],
				 "breadcrumbs": {"values": [{"timestamp": 1795564812.98, "message": "x", "level": "warn"}, 3]},
				 "exception": [{"type": "ValueError", "value": "bad"}],
				 "user": {"ip_address": "{{auto}}"}}
				""");
		ObjectNode event = this.normalizer.normalize(raw, NormalizationContext.receivedAt(RECEIVED));
		assertThat(event.get("tags").toString()).isEqualTo("[[\"a\",\"1\"],[\"b\",\"2\"]]");
		JsonNode crumbs = event.path("breadcrumbs").path("values");
		assertThat(crumbs.size()).isEqualTo(1);
		assertThat(crumbs.get(0).get("timestamp").asString()).isEqualTo("2026-11-25T00:00:12.980Z");
		assertThat(crumbs.get(0).get("level").asString()).isEqualTo("warning");
		assertThat(event.path("exception").path("values").get(0).get("type").asString()).isEqualTo("ValueError");
		assertThat(event.get("title").asString()).isEqualTo("ValueError: bad");
		assertThat(event.has("user")).isFalse();
	}

	@Test
	void inputIsNotModified() {
		ObjectNode raw = Samples.event("java-event-error");
		String before = raw.toString();
		normalizer.normalize(raw, NormalizationContext.receivedAt(RECEIVED));
		assertThat(raw.toString()).isEqualTo(before);
	}

}
