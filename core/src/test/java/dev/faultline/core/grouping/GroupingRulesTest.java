package dev.faultline.core.grouping;

import java.time.Instant;

import dev.faultline.core.Samples;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
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
		ObjectNode timeout = event("java.sql.SQLException", "query timeout after 30s", "shop.Db", "query");
		ObjectNode other = event("java.sql.SQLException", "lock timeout", "shop.Other", "update");

		assertThat(rules.apply(timeout)).isTrue();
		rules.apply(other);
		assertThat(timeout.path("fingerprint").toString()).isEqualTo("[\"database-timeout\"]");
		assertThat(timeout.path("_fingerprint_info").path("matched_rule").asString())
			.startsWith("error.type:\"*SQLException\"");
		assertThat(this.grouper.group(timeout).hash()).isEqualTo(this.grouper.group(other).hash());
		assertThat(this.grouper.group(timeout).variant()).isEqualTo("custom-fingerprint");

		ObjectNode state = event("java.lang.IllegalStateException", "x", "shop.Orders", "check");
		assertThat(rules.apply(state)).isTrue();
		assertThat(state.path("fingerprint").toString())
			.isEqualTo("[\"java.lang.IllegalStateException\",\"check\",\"{{ default }}\"]");
		assertThat(state.path("title").asString()).isEqualTo("Bad state");
		// {{ default }} keeps the default variant (no in-app frames here: system)
		assertThat(this.grouper.group(state).variant()).isEqualTo("system");

		ObjectNode unmatched = event("java.io.IOException", "x", "shop.Orders", "check");
		assertThat(rules.apply(unmatched)).isFalse();
		assertThat(unmatched.has("fingerprint")).isFalse();
	}

	@Test
	void frameMatchersMatchOneFrameAndNegationInverts() {
		FingerprintRules rules = FingerprintRules.parse("""
				stack.module:shop.payments.* stack.function:charge !level:warning -> payments, {{ module }}
				message:"*rate limit*" logger:api.* -> rate-limited, {{ tags.region }}
				""");
		ObjectNode payment = event("IllegalStateException", "declined", "shop.payments.Stripe", "charge");
		assertThat(rules.apply(payment)).isTrue();
		assertThat(payment.path("fingerprint").toString()).isEqualTo("[\"payments\",\"shop.payments.Stripe\"]");

		ObjectNode elsewhere = event("IllegalStateException", "declined", "shop.Orders", "charge");
		assertThat(rules.apply(elsewhere)).isFalse();

		ObjectNode raw = Samples.JSON.createObjectNode();
		raw.put("message", "Hit rate limit for key 42");
		raw.put("logger", "api.gateway");
		raw.putObject("tags").put("region", "eu-1");
		ObjectNode message = normalize(raw);
		assertThat(rules.apply(message)).isTrue();
		assertThat(message.path("fingerprint").toString()).isEqualTo("[\"rate-limited\",\"eu-1\"]");
	}

	@Test
	void stackTraceRulesDecideWhatIsInApp() {
		StackTraceRules rules = StackTraceRules.parse("""
				stack.module:shop.* +app
				stack.module:shop.generated.* -app
				family:javascript stack.abs_path:**/node_modules/** -app
				""");
		ObjectNode first = event("IllegalStateException", "x", "shop.Orders", "check");
		ObjectNode second = event("IllegalStateException", "x", "shop.Orders", "check");
		((ObjectNode) second.path("exception").path("values").path(0).path("stacktrace").path("frames").path(0))
			.put("module", "shop.generated.Proxy7");
		rules.apply(first);
		rules.apply(second);

		assertThat(first.path("exception")
			.path("values")
			.path(0)
			.path("stacktrace")
			.path("frames")
			.path(0)
			.path("in_app")
			.asBoolean()).isTrue();
		assertThat(second.path("exception")
			.path("values")
			.path(0)
			.path("stacktrace")
			.path("frames")
			.path(0)
			.path("in_app")
			.asBoolean()).isFalse();
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

	private static ObjectNode event(String type, String value, String module, String function) {
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

	private static ObjectNode normalize(ObjectNode raw) {
		return new EventNormalizer().normalize(raw,
				new NormalizationContext(Instant.parse("2026-11-25T01:00:00Z"), null, null, null));
	}

}
