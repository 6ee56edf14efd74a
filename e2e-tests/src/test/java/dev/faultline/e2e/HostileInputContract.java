package dev.faultline.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.faultline.e2e.FaultlineApi.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input cannot hold processing (issue 13): envelopes close to the event size
 * limit whose message, exception values, breadcrumbs, tags, request URL and headers and
 * extra data are the strings that made backtracking patterns quadratic ({@code a+a+…},
 * {@code a.a.…}, {@code -----BEGIN} runs, digit runs with separators, key words run
 * together, {@code @} and {@code //} runs, nested quotes and brackets), plus one nested
 * thousands of levels deep, are sent by one project; right after them another project
 * sends ordinary events through the official Java SDK. Every ordinary event must be
 * queryable within seconds, and every hostile event either processed (queryable) or
 * dropped with its reason (a dead letter) — nothing stuck, nothing lost. Before the
 * patterns were made linear, three such envelopes held the processor for ~49 s.
 */
abstract class HostileInputContract {

	static final String ORGANIZATION = SdkAcceptanceContract.ORGANIZATION;

	/**
	 * Adversarial units, each repeated to the length of the field it fills; none needs
	 * escaping in JSON, so every payload has the same size, under the item limit.
	 */
	static final List<String> FAMILIES = List.of("a+", "a.", "-----BEGIN ", "1 1-", "secrettoken", "a:a@", "//a", "@a",
			"'[{(", "a=b&", "a ");

	private static final int BYSTANDER_EVENTS = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final HttpClient http = HttpClient.newHttpClient();

	abstract FaultlineApi api();

	/** The base URL of the ingest endpoints, e.g. {@code http://127.0.0.1:40123}. */
	abstract String ingestUrl();

	/** The reason and detail of each item of the project parked as a dead letter. */
	abstract List<String> deadLetters(long projectId);

	@Test
	void hostileEnvelopesNeitherHoldProcessingNorGetLost() {
		Project hostile = api().createProject(ORGANIZATION, ORGANIZATION, "Hostile Strings", "javascript");
		Project bystander = api().createProject(ORGANIZATION, ORGANIZATION, "Bystander", "java");

		List<String> hostileIds = new ArrayList<>();
		for (String family : FAMILIES) {
			String id = newEventId();
			byte[] payload = bytes(hostileEvent(id, family));
			assertThat(payload.length).as("payload of %s", family).isBetween(600_000, 1_000_000);
			assertThat(sendEnvelope(hostile, id, payload)).as("ingest status for %s", family).isEqualTo(200);
			hostileIds.add(id);
		}
		String deepId = newEventId();
		byte[] deep = ("{\"event_id\":\"" + deepId + "\",\"extra\":{\"deep\":" + "[".repeat(50_000) + "]".repeat(50_000)
				+ "}}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(sendEnvelope(hostile, deepId, deep)).isEqualTo(200);

		Instant sent = Instant.now();
		List<String> bystanderIds = new ArrayList<>();
		try (JavaSdkSession session = JavaSdkSession.start(bystander.dsn(), "1.0", "production")) {
			for (int i = 0; i < BYSTANDER_EVENTS; i++) {
				bystanderIds.add(session.error("Bystander event " + i));
			}
		}
		// Generous for a loaded 2-core machine, far below the minutes the quadratic
		// patterns took on these envelopes.
		await().atMost(Duration.ofSeconds(45))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(bystanderIds).allMatch((id) -> stored(bystander, id)));
		System.out.printf("bystander events queryable %d ms after sending%n",
				Duration.between(sent, Instant.now()).toMillis());

		// Each hostile envelope holds one event: it is stored, or it outlived the
		// processing budget and its envelope was parked as processing_timeout.
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<String> letters = deadLetters(hostile.id());
			assertThat(letters)
				.anyMatch((letter) -> letter.startsWith("invalid_json: payload exceeds the JSON limits"));
			long timedOut = letters.stream().filter((letter) -> letter.startsWith("processing_timeout")).count();
			long stored = hostileIds.stream().filter((id) -> stored(hostile, id)).count();
			assertThat(stored + timedOut).as("hostile events stored (%d) or parked as timed out (%d)", stored, timedOut)
				.isEqualTo(hostileIds.size());
		});
		assertThat(stored(hostile, deepId)).isFalse();
		System.out.printf("hostile events: %d stored, %d parked (%s)%n",
				hostileIds.stream().filter((id) -> stored(hostile, id)).count(), deadLetters(hostile.id()).size(),
				deadLetters(hostile.id()));
	}

	private boolean stored(Project project, String eventId) {
		return api().status("/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/events/" + eventId + "/",
				StandaloneFaultline.TOKEN) == 200;
	}

	/**
	 * An event of about 850 KB (the default item limit is 1 MB) with the family in every
	 * field a client controls, each field at the length normalization keeps or a little
	 * over: message and exception values 8,192 characters, other strings 1,024.
	 */
	static ObjectNode hostileEvent(String eventId, String family) {
		String longText = repeat(family, 8_300);
		String text = repeat(family, 1_100);
		ObjectNode event = NODES.objectNode();
		event.put("event_id", eventId);
		event.put("platform", "javascript");
		event.put("level", "error");
		event.put("timestamp", Instant.now().toString());
		event.putObject("logentry").put("formatted", longText);
		ArrayNode exceptions = event.putObject("exception").putArray("values");
		for (int i = 0; i < 70; i++) {
			ObjectNode exception = exceptions.addObject();
			exception.put("type", "Error" + i);
			exception.put("value", longText);
			ObjectNode frame = exception.putObject("stacktrace").putArray("frames").addObject();
			frame.put("function", text);
			frame.put("filename", repeat("/" + family, 300));
			frame.put("in_app", true);
		}
		ArrayNode breadcrumbs = event.putObject("breadcrumbs").putArray("values");
		for (int i = 0; i < 40; i++) {
			ObjectNode breadcrumb = breadcrumbs.addObject();
			breadcrumb.put("message", text);
			breadcrumb.put("category", "console");
			breadcrumb.putObject("data").put("url", "https://" + text);
		}
		ObjectNode tags = event.putObject("tags");
		for (int i = 0; i < 20; i++) {
			tags.put("tag" + i, repeat(family, 200));
		}
		ObjectNode request = event.putObject("request");
		request.put("url", "https://" + text + "/" + text);
		request.put("query_string", repeat(family, 1_000) + "&" + text);
		ObjectNode headers = request.putObject("headers");
		headers.put("User-Agent", repeat(family, 600));
		headers.put("Referer", "https://" + text);
		headers.put("Authorization", "Bearer " + text);
		ObjectNode extra = event.putObject("extra");
		for (int i = 0; i < 60; i++) {
			extra.put("value" + i, text);
		}
		event.putArray("fingerprint").add("{{ " + repeat(family, 500) + " }}").add("{{ default }}");
		return event;
	}

	private int sendEnvelope(Project project, String eventId, byte[] payload) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("{\"event_id\":\"" + eventId + "\",\"sent_at\":\"" + Instant.now() + "\"}\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("{\"type\":\"event\",\"length\":" + payload.length + "}\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(payload);
		String key = URI.create(project.dsn()).getUserInfo();
		HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl() + "/api/" + project.id() + "/envelope/"))
			.header("Content-Type", "application/x-sentry-envelope")
			.header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=hostile/1.0, sentry_key=" + key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String newEventId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String repeat(String unit, int length) {
		return unit.repeat(length / unit.length() + 1).substring(0, length);
	}

	private static byte[] bytes(ObjectNode event) {
		return JSON.writeValueAsBytes(event);
	}

}
