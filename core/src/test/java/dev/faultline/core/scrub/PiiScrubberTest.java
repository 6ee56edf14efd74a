package dev.faultline.core.scrub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiScrubberTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ObjectNode event(String json) {
		return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
	}

	private static String scrubExtra(String rule, String value) {
		ObjectNode event = event("{'extra': {'v': ''}}");
		event.withObject("extra").put("v", value);
		new PiiScrubber(PiiConfig.parseRules(rule)).scrub(event);
		return event.at("/extra/v").isNull() ? null : event.at("/extra/v").asString();
	}

	// ---- data types --------------------------------------------------------------

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "creditcard|card 4111 1111 1111 1111 ok|card [Filtered] ok",
			"creditcard|not a card 4111 1111 1111 1112|not a card 4111 1111 1111 1112",
			"ip|from 203.0.113.7 and 2001:db8::1 today|from [Filtered] and [Filtered] today",
			"ip|version 1.2.3|version 1.2.3", "email|write to jane.doe@example.com now|write to [Filtered] now",
			"imei|imei 49-015420-323751-8|imei [Filtered]", "mac|mac 00:1A:2b:3C:4d:5E up|mac [Filtered] up",
			"uuid|id 6aa8c778-0204-4258-99c4-77fb1b6e1641|id [Filtered]",
			"urlauth|https://bob:hunter2@example.com/x|https://[Filtered]@example.com/x",
			"usssn|ssn 078-05-1120.|ssn [Filtered].", "userpath|/home/jane/app/log.txt|/home/[Filtered]/app/log.txt",
			"userpath|C:\\Users\\jane\\app|C:\\Users\\[Filtered]\\app", "anything|whatever it is|[Filtered]" })
	void dataTypes(String type, String input, String expected) {
		assertThat(scrubExtra("[Replace] [" + type + "] from [extra.v]", input)).isEqualTo(expected);
	}

	@Test
	void pemKeyBodyIsReplaced() {
		String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\n-----END RSA PRIVATE KEY-----";
		assertThat(scrubExtra("replace pemkey from extra.v", key))
			.isEqualTo("-----BEGIN RSA PRIVATE KEY-----[Filtered]-----END RSA PRIVATE KEY-----");
	}

	@Test
	void passwordRulesGoByKey() {
		ObjectNode event = event("{'extra': {'db_password': 'x1', 'name': 'y2'}}");
		new PiiScrubber(PiiConfig.parseRules("remove password from $string")).scrub(event);
		assertThat(event.at("/extra/db_password").isNull()).isTrue();
		assertThat(event.at("/extra/name").asString()).isEqualTo("y2");
	}

	@Test
	void patternRules() {
		assertThat(scrubExtra("[Replace] [Regex matches] [\\d{3}-\\d{3}] with [<code>] from [extra.v]",
				"code 123-456 or 789-012"))
			.isEqualTo("code <code> or <code>");
		String json = "{'rules':{'r':{'type':'pattern','pattern':'sk_[a-z0-9]+',"
				+ "'redaction':{'method':'mask'}}},'applications':{'$string':['r']}}";
		assertThat(PiiConfig.parse(json.replace('\'', '"')).rules().get("r").pattern().pattern())
			.isEqualTo("sk_[a-z0-9]+");
	}

	// ---- methods -----------------------------------------------------------------

	@Test
	void methods() {
		String email = "mail jane@example.com";
		assertThat(scrubExtra("remove email from extra.v", email)).isEqualTo("mail ");
		assertThat(scrubExtra("mask email from extra.v", email)).isEqualTo("mail ****************");
		assertThat(scrubExtra("hash email from extra.v", email)).matches("mail [0-9A-F]{40}")
			.isEqualTo(scrubExtra("hash email from extra.v", email));
		assertThat(scrubExtra("replace email with [[email]] from extra.v", email)).isEqualTo("mail [email]");
		assertThat(scrubExtra("remove anything from extra.v", email)).isNull();
		assertThat(scrubExtra("mask anything from extra.v", "abc")).isEqualTo("***");
	}

	@Test
	void redactionsAreMarkedInMeta() {
		ObjectNode event = event("{'extra': {'v': 'jane@example.com'}, 'request': {'headers': [['X-Custom', 's3']]}}");
		new PiiScrubber(PiiConfig.parseRules("mask email from extra.v\nremove anything from $http.headers.x-custom"))
			.scrub(event);
		assertThat(event.at("/_meta/extra/v/").toString()).isEqualTo("{\"rem\":[[\"1\",\"m\"]]}");
		assertThat(event.at("/request/headers/0/1").isNull()).isTrue();
		assertThat(event.at("/_meta/request/headers/0/1/").toString()).isEqualTo("{\"rem\":[[\"2\",\"x\"]]}");
	}

	// ---- selectors ----------------------------------------------------------------

	@Test
	void selectors() {
		ObjectNode event = event("""
				{'user': {'email': 'a@b.example', 'id': 'a@b.example'},
				 'logentry': {'formatted': 'user a@b.example failed'},
				 'extra': {'foo': 'a@b.example', 'bar': 'a@b.example', 'deep': {'x': {'y': 'a@b.example'}}},
				 'exception': {'values': [{'type': 'E', 'value': 'a@b.example broke',
				   'stacktrace': {'frames': [{'function': 'a@b.example', 'vars': {'who': 'a@b.example'}}]}}]}}""");
		new PiiScrubber(PiiConfig.parseRules("""
				replace email with [U] from $user.email
				replace email with [M] from $message
				replace email with [F] from extra.foo || extra.'deep'.**
				replace email with [E] from $error.value
				replace email with [V] from $frame.vars.*
				""")).scrub(event);
		assertThat(event.at("/user/email").asString()).isEqualTo("U");
		assertThat(event.at("/user/id").asString()).isEqualTo("a@b.example");
		assertThat(event.at("/logentry/formatted").asString()).isEqualTo("user M failed");
		assertThat(event.at("/extra/foo").asString()).isEqualTo("F");
		assertThat(event.at("/extra/bar").asString()).isEqualTo("a@b.example");
		assertThat(event.at("/extra/deep/x/y").asString()).isEqualTo("F");
		assertThat(event.at("/exception/values/0/value").asString()).isEqualTo("E broke");
		assertThat(event.at("/exception/values/0/stacktrace/frames/0/vars/who").asString()).isEqualTo("V");
		// frame identity is never offered to rules: grouping needs it
		assertThat(event.at("/exception/values/0/stacktrace/frames/0/function").asString()).isEqualTo("a@b.example");
	}

	@Test
	void booleanSelectors() {
		ObjectNode event = event("{'extra': {'a': 'x@y.example', 'b': 'x@y.example'}, 'tags': [['t', 'x@y.example']]}");
		new PiiScrubber(PiiConfig.parseRules("mask email from $string && !extra.b")).scrub(event);
		assertThat(event.at("/extra/a").asString()).isEqualTo("***********");
		assertThat(event.at("/extra/b").asString()).isEqualTo("x@y.example");
		assertThat(event.at("/tags/0/1").asString()).isEqualTo("***********");
	}

	@Test
	void aSelectedContainerHasItsStringsScrubbed() {
		ObjectNode event = event("{'extra': {'nested': {'list': ['x@y.example', 1]}}}");
		new PiiScrubber(PiiConfig.parseRules("replace email from extra.nested")).scrub(event);
		assertThat(event.at("/extra/nested/list/0").asString()).isEqualTo("[Filtered]");
		ObjectNode removed = event("{'extra': {'nested': {'list': ['x@y.example', 1]}}}");
		assertThat(new PiiScrubber(PiiConfig.parseRules("remove anything from extra.nested")).scrub(removed))
			.isEqualTo(1);
		assertThat(removed.at("/extra/nested").isNull()).isTrue();
		ObjectNode secrets = event("{'extra': {'db': {'password': {'v': 1}, 'host': 'h'}}}");
		new PiiScrubber(PiiConfig.parseRules("replace password from extra")).scrub(secrets);
		assertThat(secrets.at("/extra/db/password").asString()).isEqualTo("[Filtered]");
		assertThat(secrets.at("/extra/db/host").asString()).isEqualTo("h");
	}

	@Test
	void theDataScrubberAppliesAdvancedRulesAndRecomputesTheTitle() {
		ObjectNode event = event(
				"{'logentry': {'formatted': 'order 1234-5678 failed'}, 'title': 'order 1234-5678 failed'}");
		new DataScrubber(ScrubbingSettings.defaultSettings(),
				PiiConfig.parseRules("[Replace] [Regex matches] [\\d{4}-\\d{4}] with [N] from [$message]"))
			.scrub(event);
		assertThat(event.at("/logentry/formatted").asString()).isEqualTo("order N failed");
		assertThat(event.get("title").asString()).isEqualTo("order N failed");
	}

	// ---- errors --------------------------------------------------------------------

	@Test
	void errorsNameTheLineRuleOrSelector() {
		assertThatThrownBy(() -> PiiConfig.parseRules("mask email from $string\nmask bogus from $string"))
			.isInstanceOf(PiiConfigException.class)
			.hasMessageStartingWith("line 2: unknown data type 'bogus'");
		assertThatThrownBy(() -> PiiConfig.parseRules("mask email from $strin")).hasMessageContaining("line 1")
			.hasMessageContaining("unknown value type $strin");
		assertThatThrownBy(() -> PiiConfig.parseRules("mask pattern [(] from $string"))
			.hasMessageContaining("invalid pattern");
		assertThatThrownBy(() -> PiiConfig.parse("{\"rules\":{},\"applications\":{\"$string\":[\"x\"]}}"))
			.hasMessageContaining("unknown rule 'x'");
		assertThatThrownBy(() -> PiiConfig.parse("{\"rules\":{\"x\":{\"type\":\"nope\"}}}"))
			.hasMessageContaining("rule 'x': unknown type 'nope'");
		assertThatThrownBy(() -> PiiConfig.parse("{")).hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> PiiSelector.parse("(extra.a")).hasMessageContaining("missing ')'");
		assertThat(PiiConfig.parse("  ").isEmpty()).isTrue();
	}

}
