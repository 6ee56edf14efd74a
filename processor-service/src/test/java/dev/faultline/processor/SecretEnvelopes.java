package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded SDK envelopes with secrets planted where SDKs put them (the same plants as
 * core's {@code DataScrubberTest}).
 */
final class SecretEnvelopes {

	static final String CLIENT_IP = "203.0.113.7";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private SecretEnvelopes() {
	}

	/**
	 * Every secret planted; none may survive in any store.
	 */
	static final List<String> SECRETS = List.of("hunter2-S01", "AKIAS02", "eyJS03", "SESSIONS04", "APIKEYS05",
			"SESSIONS06", "QSS07", "URLPASSS08", "URLTOKENS09", "BCS10", "MYSQLS11", "TAGS12", "FRAMES13", "EXCS14",
			"MIIEvQIBADANS15", "4111 1111 1111 1111", "4242424242424242", "078-05-1120", "OTPS16", "MSGS17", "CREDS18",
			CLIENT_IP);

	/**
	 * The sample's envelope with its first event item replaced by one carrying secrets.
	 */
	static byte[] withSecrets(String sample) {
		Envelope envelope = new EnvelopeDecoder().decode(Samples.body(sample));
		for (EnvelopeItem item : envelope.items()) {
			if ("event".equals(item.type())) {
				ObjectNode event = (ObjectNode) JSON.readTree(item.payload());
				String body = envelope.headers().toString() + "\n{\"type\":\"event\"}\n"
						+ plantSecrets(event).toString() + "\n";
				return body.getBytes(StandardCharsets.UTF_8);
			}
		}
		throw new IllegalArgumentException("no event in " + sample);
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
