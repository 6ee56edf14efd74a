package dev.faultline.core.scrub;

import java.time.Instant;
import java.util.List;

import dev.faultline.core.Samples;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.NormalizationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DataScrubberTest {

	private static final Instant RECEIVED = Instant.parse("2026-11-24T23:58:40Z");

	private static final String CLIENT_IP = "203.0.113.7";

	/**
	 * Every secret planted below; none may survive scrubbing anywhere in the event.
	 */
	static final List<String> SECRETS = List.of("hunter2-S01", "AKIAS02", "eyJS03", "SESSIONS04", "APIKEYS05",
			"SESSIONS06", "QSS07", "URLPASSS08", "URLTOKENS09", "BCS10", "MYSQLS11", "TAGS12", "FRAMES13", "EXCS14",
			"MIIEvQIBADANS15", "4111 1111 1111 1111", "4242424242424242", "078-05-1120", "OTPS16", "MSGS17", "CREDS18",
			CLIENT_IP);

	private final EventNormalizer normalizer = new EventNormalizer();

	@ParameterizedTest
	@ValueSource(strings = { "java-event-error", "java-event-message", "java-event+attachment",
			"java-event+session-errored", "node-event-error", "node-event-message", "node-event+attachment",
			"browser-event-error", "browser-event-message", "cli-event" })
	void noPlantedSecretSurvivesInAnySample(String sample) {
		ObjectNode event = normalize(plantSecrets(Samples.event(sample)));
		int scrubbed = new DataScrubber(new ScrubbingSettings(true, true, List.of(), List.of())).scrub(event);
		String json = event.toString();
		assertThat(SECRETS).allSatisfy((secret) -> assertThat(json).doesNotContain(secret));
		assertThat(scrubbed).isGreaterThanOrEqualTo(SECRETS.size() - 2);
		assertThat(json).contains(DataScrubber.FILTERED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "java-event-error", "java-event-message", "node-event-error", "node-event-message",
			"browser-event-error", "browser-event-message", "cli-event" })
	void untouchedSamplesStayAsTheyAre(String sample) {
		ObjectNode event = normalize(Samples.event(sample));
		ObjectNode before = event.deepCopy();
		assertThat(new DataScrubber(ScrubbingSettings.defaultSettings()).scrub(event)).isZero();
		assertThat(event).isEqualTo(before);
	}

	@Test
	void everyReplacementIsRemarkedInMetaAtTheValuesPath() {
		ObjectNode raw = Samples.JSON.createObjectNode();
		raw.putObject("extra").put("password", "hunter2").put("order", "ord-1");
		ObjectNode request = raw.putObject("request");
		request.putArray("headers")
			.add(Samples.JSON.createArrayNode().add("Accept").add("*/*"))
			.add(Samples.JSON.createArrayNode().add("Authorization").add("Bearer abc.def"));
		raw.putObject("logentry").put("formatted", "login with password=hunter2 failed");
		ObjectNode event = normalize(raw);

		new DataScrubber(ScrubbingSettings.defaultSettings()).scrub(event);

		JsonNode meta = event.path("_meta");
		assertThat(meta.path("extra").path("password").path("").path("rem").toString())
			.isEqualTo("[[\"@password:filter\",\"s\"]]");
		assertThat(meta.path("extra").has("order")).isFalse();
		assertThat(
				meta.path("request").path("headers").path("1").path("1").path("").path("rem").get(0).get(0).asString())
			.isEqualTo("@password:filter");
		assertThat(meta.path("logentry").path("formatted").path("").path("rem").get(0).get(0).asString())
			.isEqualTo("@common:filter");
	}

	@Test
	void ipAddressesAreKeptUnlessAskedFor() {
		ObjectNode raw = Samples.JSON.createObjectNode();
		raw.putObject("user").put("ip_address", "{{auto}}");
		ObjectNode kept = normalize(raw);
		new DataScrubber(ScrubbingSettings.defaultSettings()).scrub(kept);
		assertThat(kept.path("user").path("ip_address").asString()).isEqualTo(CLIENT_IP);
		ObjectNode removed = normalize(raw);
		new DataScrubber(new ScrubbingSettings(true, true, List.of(), List.of())).scrub(removed);
		assertThat(removed.path("user").has("ip_address")).isFalse();
	}

	@Test
	void additionalSensitiveAndSafeFields() {
		ObjectNode raw = Samples.JSON.createObjectNode();
		ObjectNode extra = raw.putObject("extra");
		extra.put("order_ref", "R-1");
		extra.put("auth_method", "oauth");
		extra.put("plain", "visible");
		ObjectNode event = normalize(raw);
		new DataScrubber(new ScrubbingSettings(true, false, List.of("Order_Ref"), List.of("auth_method"))).scrub(event);
		assertThat(event.path("extra").path("order_ref").asString()).isEqualTo(DataScrubber.FILTERED);
		assertThat(event.path("extra").path("auth_method").asString()).isEqualTo("oauth");
		assertThat(event.path("extra").path("plain").asString()).isEqualTo("visible");
	}

	@Test
	void scrubbingIsIdempotent() {
		ObjectNode event = normalize(plantSecrets(Samples.event("java-event-error")));
		DataScrubber scrubber = new DataScrubber(ScrubbingSettings.defaultSettings());
		scrubber.scrub(event);
		ObjectNode once = event.deepCopy();
		assertThat(scrubber.scrub(event)).isZero();
		assertThat(event).isEqualTo(once);
	}

	@Test
	void keysInsideLongerWordsAndAfterLongTokensAreStillFound() {
		// The key pattern only starts at word starts (linear time); a key word inside a
		// longer
		// word, or after a long token, must still be filtered.
		assertThat(DataScrubber.scrubString("xpassword=zz db.password=yy"))
			.isEqualTo("xpassword=[Filtered] db.password=[Filtered]");
		String token = "a".repeat(20_000);
		assertThat(DataScrubber.scrubString(token + " token=abc")).isEqualTo(token + " token=[Filtered]");
		assertThat(DataScrubber.scrubString(token)).isEqualTo(token);
	}

	@Test
	void stringRules() {
		assertThat(DataScrubber.scrubString("see https://bob:pw@example.com/a"))
			.isEqualTo("see https://[Filtered]@example.com/a");
		assertThat(DataScrubber.scrubString("Bearer abc.def")).isEqualTo("Bearer [Filtered]");
		assertThat(DataScrubber.scrubString("a=1&api-key=xyz&b=2")).isEqualTo("a=1&api-key=[Filtered]&b=2");
		assertThat(DataScrubber.scrubString("{\"password\": \"x y\"}")).isEqualTo("{\"password\": \"[Filtered] y\"}");
		assertThat(DataScrubber.scrubString("card 5555-5555-5555-4444 ok")).isEqualTo("card [Filtered] ok");
		// not a card (Luhn), an epoch in milliseconds, prose with a colon, a host name
		assertThat(DataScrubber.scrubString("5555-5555-5555-4445 1764028718083"))
			.isEqualTo("5555-5555-5555-4445 1764028718083");
		assertThat(DataScrubber.scrubString("Authentication failed: bad user at auth.example.com:443"))
			.isEqualTo("Authentication failed: bad user at auth.example.com:443");
		assertThat(DataScrubber.luhn("4111111111111111")).isTrue();
		assertThat(DataScrubber.luhn("4111111111111112")).isFalse();
	}

	private ObjectNode normalize(ObjectNode raw) {
		return this.normalizer.normalize(raw, new NormalizationContext(RECEIVED, CLIENT_IP, null, null));
	}

	/**
	 * Plants secrets where SDKs put them: extra, request, cookies, breadcrumbs, contexts,
	 * tags, frame variables, exception values, messages, the user.
	 */
	static ObjectNode plantSecrets(ObjectNode event) {
		ObjectNode extra = event.has("extra") ? (ObjectNode) event.get("extra") : event.putObject("extra");
		extra.put("password", "hunter2-S01");
		extra.putObject("nested").put("api_key", "AKIAS02");
		extra.put("pem", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANS15\n-----END PRIVATE KEY-----");
		extra.put("note", "paid with 4111 1111 1111 1111, ssn 078-05-1120");
		extra.putArray("credentials").add("CREDS18");
		ObjectNode request = event.has("request") ? (ObjectNode) event.get("request") : event.putObject("request");
		request.put("url", "https://bob:URLPASSS08@example.com/x?access_token=URLTOKENS09");
		request.put("query_string", "token=QSS07&page=2");
		ObjectNode headers = request.has("headers") ? (ObjectNode) request.get("headers")
				: request.putObject("headers");
		headers.put("Authorization", "Bearer eyJS03");
		headers.put("Cookie", "sessionid=SESSIONS04");
		headers.put("X-Api-Key", "APIKEYS05");
		headers.put("X-Forwarded-For", CLIENT_IP);
		request.putObject("cookies").put("sessionid", "SESSIONS06");
		request.putObject("data").put("otp", "OTPS16");
		ObjectNode crumb = event.putObject("breadcrumbs").putArray("values").addObject();
		crumb.put("message", "login");
		crumb.putObject("data").put("auth", "BCS10");
		ObjectNode contexts = event.has("contexts") ? (ObjectNode) event.get("contexts") : event.putObject("contexts");
		contexts.putObject("db").put("mysql_pwd", "MYSQLS11");
		if (event.get("tags") instanceof ArrayNode tags) {
			tags.addArray().add("session_token").add("TAGS12");
		}
		else {
			ObjectNode tags = event.has("tags") ? (ObjectNode) event.get("tags") : event.putObject("tags");
			tags.put("session_token", "TAGS12");
		}
		ObjectNode user = event.has("user") ? (ObjectNode) event.get("user") : event.putObject("user");
		user.put("ip_address", "{{auto}}");
		ObjectNode exception = event.has("exception") ? (ObjectNode) event.get("exception")
				: event.putObject("exception");
		if (!exception.has("values")) {
			exception.putArray("values").addObject().put("type", "IllegalStateException");
		}
		ObjectNode first = (ObjectNode) exception.get("values").get(0);
		first.put("value", "cannot connect with password=EXCS14 to db, card 4242424242424242");
		if (!first.has("stacktrace")) {
			first.putObject("stacktrace").putArray("frames").addObject().put("function", "main");
		}
		ObjectNode frame = (ObjectNode) first.get("stacktrace").get("frames").get(0);
		frame.putObject("vars").put("password", "FRAMES13");
		if (event.has("message") && event.get("message").isObject()) {
			((ObjectNode) event.get("message")).put("formatted", "retry token=MSGS17");
		}
		else if (event.has("logentry")) {
			((ObjectNode) event.get("logentry")).put("formatted", "retry token=MSGS17");
			((ObjectNode) event.get("logentry")).put("message", "retry token=MSGS17");
		}
		else {
			event.put("message", "retry token=MSGS17");
		}
		return event;
	}

}
