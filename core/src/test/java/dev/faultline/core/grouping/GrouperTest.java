package dev.faultline.core.grouping;

import java.time.Instant;

import dev.faultline.core.Samples;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class GrouperTest {

	private final EventNormalizer normalizer = new EventNormalizer();

	private final Grouper grouper = new Grouper();

	private ObjectNode normalize(ObjectNode raw) {
		return this.normalizer.normalize(raw, NormalizationContext.receivedAt(Instant.parse("2026-11-25T00:30:00Z")));
	}

	private GroupingResult group(ObjectNode raw) {
		return this.grouper.group(EventCodec.decode(normalize(raw)));
	}

	private static ObjectNode json(String text) {
		return (ObjectNode) Samples.JSON.readTree(text);
	}

	@Test
	void javaChainGroupsByInAppFramesSaltedByFingerprint() {
		GroupingResult result = group(Samples.event("java-event-error"));
		assertThat(result.hash()).matches("[0-9a-f]{32}");
		assertThat(result.variant()).isEqualTo("app");
		assertThat(result.components()).startsWith("type:IOException", "frame:sdkharness.Main | main")
			.contains("type:IllegalStateException", "frame:sdkharness.Main | chargeCard")
			.endsWith("fingerprint:checkout");
		assertThat(result.components()).noneMatch((component) -> component.contains("ord-1234"));
	}

	@Test
	void sameChainSentTwiceGroupsIdentically() {
		assertThat(group(Samples.event("java-event-error")).hash())
			.isEqualTo(group(Samples.event("java-event-error")).hash());
		assertThat(group(Samples.event("node-event-error")).hash())
			.isEqualTo(group(Samples.event("node-event-error")).hash());
	}

	@Test
	void differentLineNumbersAndValuesOfTheSameCodePathGroupTogether() {
		ObjectNode first = Samples.event("java-event-error");
		ObjectNode second = Samples.event("java-event-error");
		second.put("event_id", "00000000000000000000000000000001");
		ObjectNode outer = (ObjectNode) second.path("exception").path("values").get(1);
		outer.put("value", "Checkout failed for order ord-98765");
		((ObjectNode) outer.path("stacktrace").path("frames").get(2)).put("lineno", 999);
		assertThat(group(second).hash()).isEqualTo(group(first).hash());
	}

	@Test
	void differentExceptionTypeGroupsApart() {
		ObjectNode other = Samples.event("java-event-error");
		((ObjectNode) other.path("exception").path("values").get(1)).put("type", "IllegalArgumentException");
		assertThat(group(other).hash()).isNotEqualTo(group(Samples.event("java-event-error")).hash());
		assertThat(group(Samples.event("node-event-error")).hash())
			.isNotEqualTo(group(Samples.event("java-event-error")).hash());
	}

	@Test
	void fingerprintWithoutDefaultReplacesDefaultGrouping() {
		ObjectNode java = Samples.event("java-event-error");
		java.set("fingerprint", Samples.JSON.createArrayNode().add("payments").add("declined"));
		ObjectNode node = Samples.event("node-event-error");
		node.set("fingerprint", Samples.JSON.createArrayNode().add("payments").add("declined"));
		GroupingResult result = group(java);
		assertThat(result.variant()).isEqualTo("custom-fingerprint");
		assertThat(result.components()).containsExactly("fingerprint:payments", "fingerprint:declined");
		assertThat(group(node).hash()).isEqualTo(result.hash());
	}

	@Test
	void defaultPlaceholderAcceptsBothSpellings() {
		ObjectNode spaced = Samples.event("java-event-error");
		ObjectNode compact = Samples.event("java-event-error");
		((ArrayNode) compact.get("fingerprint")).set(0, Samples.JSON.getNodeFactory().stringNode("{{default}}"));
		assertThat(group(compact).hash()).isEqualTo(group(spaced).hash());
	}

	@Test
	void syntheticExceptionGroupsByMessageTemplate() {
		GroupingResult result = group(Samples.event("node-event-message"));
		assertThat(result.variant()).isEqualTo("message");
		assertThat(result.components()).containsExactly("message:Payment of %s for order %s declined",
				"fingerprint:checkout");
	}

	@Test
	void messagesDifferingOnlyInParametersGroupTogether() {
		GroupingResult first = group(json("{\"message\": \"Order 17 failed for bob@example.com at 10.0.0.1\"}"));
		GroupingResult second = group(json("{\"message\": \"Order 4242 failed for eve@example.org at 192.168.1.20\"}"));
		GroupingResult other = group(json("{\"message\": \"Order 17 shipped\"}"));
		assertThat(first.variant()).isEqualTo("message");
		assertThat(first.components()).containsExactly("message:Order <int> failed for <email> at <ip>");
		assertThat(second.hash()).isEqualTo(first.hash());
		assertThat(other.hash()).isNotEqualTo(first.hash());
	}

	@Test
	void twentyErrorsFromOneLineGroupTogether() {
		String template = """
				{"exception": {"values": [{"type": "IllegalStateException", "value": "Order %d has %d items",
				  "stacktrace": {"frames": [
				    {"module": "shop.Main", "function": "main", "lineno": 10, "in_app": true},
				    {"module": "shop.Orders$$Lambda$%d/0x00000008000c%d", "function": "accept", "lineno": 1, "in_app": true},
				    {"module": "shop.Orders", "function": "check", "lineno": 42, "in_app": true}]}}]}}
				""";
		String first = group(json(template.formatted(0, 1, 100, 4))).hash();
		for (int i = 1; i < 20; i++) {
			assertThat(group(json(template.formatted(i, i * 3, 100 + i, 40 + i))).hash()).isEqualTo(first);
		}
	}

	@Test
	void withoutInAppFramesAllFramesCount() {
		GroupingResult result = group(json("""
				{"exception": {"values": [{"type": "Error", "value": "x",
				  "stacktrace": {"frames": [{"filename": "lib.js", "function": "f"}]}}]}}
				"""));
		assertThat(result.variant()).isEqualTo("system");
		assertThat(result.components()).containsExactly("type:Error", "frame:lib.js | f");
	}

	@Test
	void withoutFramesTypeAndParameterizedValueCount() {
		GroupingResult first = group(
				json("{\"exception\": {\"values\": [{\"type\": \"KeyError\", \"value\": \"id=17\"}]}}"));
		GroupingResult second = group(
				json("{\"exception\": {\"values\": [{\"type\": \"KeyError\", \"value\": \"id=99\"}]}}"));
		assertThat(first.variant()).isEqualTo("exception");
		assertThat(first.components()).containsExactly("type:KeyError", "value:id=<int>");
		assertThat(second.hash()).isEqualTo(first.hash());
	}

	@Test
	void eventWithNothingFallsBack() {
		GroupingResult result = group(json("{}"));
		assertThat(result.variant()).isEqualTo("fallback");
		assertThat(result.components()).isEmpty();
		assertThat(result.hash()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
	}

	@Test
	void javaMessageGroupsByMessageAndCliEventToo() {
		assertThat(group(Samples.event("java-event-message")).variant()).isEqualTo("message");
		assertThat(group(Samples.event("cli-event")).components()).containsExactly("message:hello from sentry-cli");
	}

}
