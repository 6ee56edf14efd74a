package dev.faultline.core.grouping;

import java.time.Instant;

import dev.faultline.core.Samples;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupingRulesTest {

	private final Grouper grouper = new Grouper();

	@Test
	void firstMatchingFingerprintRuleReplacesTheFingerprint() {
		FingerprintRules rules = FingerprintRules.parse("""
				# database outages are one issue whatever the stack
				error.type:"*SQLException" error.value:"*timeout*" -> database-timeout
				error.type:*IllegalStateException -> {{ error.type }}, {{ function }}, {{ default }} title="Bad state"
				""");
		Event timeout = rules.apply(event("java.sql.SQLException", "query timeout after 30s", "shop.Db", "query"));
		Event other = rules.apply(event("java.sql.SQLException", "lock timeout", "shop.Other", "update"));

		assertThat(timeout).isNotNull();
		assertThat(timeout.fingerprint()).containsExactly("database-timeout");
		assertThat(timeout.other().get("_fingerprint_info").path("matched_rule").asString())
			.startsWith("error.type:\"*SQLException\"");
		assertThat(this.grouper.group(timeout).hash()).isEqualTo(this.grouper.group(other).hash());
		assertThat(this.grouper.group(timeout).variant()).isEqualTo("custom-fingerprint");

		Event state = rules.apply(event("java.lang.IllegalStateException", "x", "shop.Orders", "check"));
		assertThat(state).isNotNull();
		assertThat(state.fingerprint()).containsExactly("java.lang.IllegalStateException", "check", "{{ default }}");
		assertThat(state.title()).isEqualTo("Bad state");
		// {{ default }} keeps the default variant (no in-app frames here: system)
		assertThat(this.grouper.group(state).variant()).isEqualTo("system");

		assertThat(rules.apply(event("java.io.IOException", "x", "shop.Orders", "check"))).isNull();
	}

	@Test
	void frameMatchersMatchOneFrameAndNegationInverts() {
		FingerprintRules rules = FingerprintRules.parse("""
				stack.module:shop.payments.* stack.function:charge !level:warning -> payments, {{ module }}
				message:"*rate limit*" logger:api.* -> rate-limited, {{ tags.region }}
				""");
		Event payment = rules.apply(event("IllegalStateException", "declined", "shop.payments.Stripe", "charge"));
		assertThat(payment.fingerprint()).containsExactly("payments", "shop.payments.Stripe");

		assertThat(rules.apply(event("IllegalStateException", "declined", "shop.Orders", "charge"))).isNull();

		ObjectNode raw = Samples.JSON.createObjectNode();
		raw.put("message", "Hit rate limit for key 42");
		raw.put("logger", "api.gateway");
		raw.putObject("tags").put("region", "eu-1");
		Event message = rules.apply(normalize(raw));
		assertThat(message.fingerprint()).containsExactly("rate-limited", "eu-1");
	}

	@Test
	void stackTraceRulesDecideWhatIsInApp() {
		StackTraceRules rules = StackTraceRules.parse("""
				stack.module:shop.* +app
				stack.module:shop.generated.* -app
				family:javascript stack.abs_path:**/node_modules/** -app
				""");
		Event first = rules.apply(event("IllegalStateException", "x", "shop.Orders", "check"));
		Event second = rules.apply(event("IllegalStateException", "x", "shop.generated.Proxy7", "check"));

		assertThat(first.exceptions().get(0).frames().get(0).inApp()).isTrue();
		assertThat(second.exceptions().get(0).frames().get(0).inApp()).isFalse();
		assertThat(this.grouper.group(first).variant()).isEqualTo("app");
	}

	@Test
	void malformedRulesNameTheirLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> FingerprintRules.parse("# ok\nerror.type:X"))
			.withMessageContaining("line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> FingerprintRules.parse("colour:red -> x"))
			.withMessageContaining("unknown matcher colour");
		assertThatIllegalArgumentException().isThrownBy(() -> StackTraceRules.parse("stack.module:x ^app"))
			.withMessageContaining("line 1");
		assertThat(FingerprintRules.parse("").isEmpty()).isTrue();
	}

	private static Event event(String type, String value, String module, String function) {
		ObjectNode raw = Samples.JSON.createObjectNode();
		raw.put("platform", "java");
		ObjectNode exception = raw.putObject("exception").putArray("values").addObject();
		exception.put("type", type);
		exception.put("value", value);
		exception.putObject("stacktrace")
			.putArray("frames")
			.addObject()
			.put("module", module)
			.put("function", function)
			.put("lineno", 10)
			.put("in_app", false);
		return normalize(raw);
	}

	private static Event normalize(ObjectNode raw) {
		return new EventNormalizer().normalize(EventCodec.decode(raw),
				new NormalizationContext(Instant.parse("2026-11-25T01:00:00Z"), null, null, null));
	}

}
