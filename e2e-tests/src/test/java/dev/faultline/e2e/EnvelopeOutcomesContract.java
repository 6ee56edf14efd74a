package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.faultline.e2e.FaultlineApi.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every recorded SDK envelope of {@code shared/reference/sentry-wire/samples}, sent to a
 * running Faultline: each item ends stored or dropped with exactly one outcome, and
 * {@code stats_v2?field=sum(quantity)&groupBy=outcome&groupBy=category} shows them —
 * accepted errors, the kinds not processed yet as {@code filtered}, the discards of
 * client reports as {@code client_discard}. The expected outcomes are computed here, from
 * the samples' bytes, by Sentry's rules (an attachment counts its bytes, an item
 * container its {@code item_count}); each test uses a project of its own. Subclasses
 * expose a running Faultline of one shape.
 */
abstract class EnvelopeOutcomesContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Sentry's data category of each item type the samples carry. */
	private static final Map<String, String> CATEGORIES = Map.of("event", "error", "transaction", "transaction", "span",
			"span", "session", "session", "check_in", "monitor", "log", "log_item", "feedback", "feedback",
			"user_report", "user_report_v2", "attachment", "attachment", "trace_metric", "trace_metric");

	/**
	 * The item types processed so far; the others are filtered as unsupported. Sessions
	 * are accepted unless they started more than five days before they arrive (Relay's
	 * limit: {@code invalid}).
	 */
	private static final Set<String> ACCEPTED = Set.of("event", "transaction", "span", "session");

	private final HttpClient http = HttpClient.newHttpClient();

	abstract FaultlineApi api();

	@Test
	void everySampleItemEndsWithExactlyOneOutcomeInTheStats() throws IOException {
		Project project = api().createProject(IssueWorkflowContract.ORGANIZATION, IssueWorkflowContract.ORGANIZATION,
				"Outcomes Of Samples", "java");
		Map<String, Long> expected = new TreeMap<>();
		List<Path> samples;
		try (Stream<Path> files = Files.list(samplesDir())) {
			samples = files.filter((file) -> file.toString().endsWith(".envelope")).sorted().toList();
		}
		assertThat(samples).hasSizeGreaterThan(20);
		for (Path sample : samples) {
			String body = Files.readString(sample, StandardCharsets.ISO_8859_1);
			// The tunnelled sample names its DSN in the envelope; point it at this
			// project.
			body = body.replaceAll("\"dsn\":\"[^\"]*\"", "\"dsn\":\"" + project.dsn() + "\"");
			byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
			assertThat(post(project, bytes)).as(sample.getFileName().toString()).isEqualTo(200);
			expect(bytes, expected);
		}

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(stats(project, "sum(quantity)")).isEqualTo(expected));
		assertThat(expected).containsKey("accepted/error")
			.containsKey("accepted/transaction")
			.containsKey("accepted/span")
			.containsKey("client_discard/error");
	}

	@Test
	void eachItemOfAMixedEnvelopeHasItsOwnOutcome() {
		Project project = api().createProject(IssueWorkflowContract.ORGANIZATION, IssueWorkflowContract.ORGANIZATION,
				"Outcomes Of A Mixed Envelope", "java");
		String eventId = "5d1f2bd09a3b4ab1b0d3c3f1a9e2c4d7";
		String attachment = "stack dump: 42 threads";
		String envelope = "{\"event_id\":\"" + eventId + "\"}\n" + "{\"type\":\"event\"}\n{\"event_id\":\"" + eventId
				+ "\",\"message\":\"Checkout failed with a mixed envelope\",\"level\":\"error\"}\n"
				+ "{\"type\":\"attachment\",\"filename\":\"dump.txt\",\"length\":" + attachment.length() + "}\n"
				+ attachment + "\n" + "{\"type\":\"session\"}\n{\"sid\":\"7c3e1f0ad6b14b5c9f3b2a1d0e9c8b7a\","
				+ "\"status\":\"errored\",\"errors\":1,\"started\":\"" + Instant.now()
				+ "\",\"attrs\":{\"release\":\"1.0\"}}\n";

		assertThat(post(project, envelope.getBytes(StandardCharsets.UTF_8))).isEqualTo(200);

		Map<String, Long> quantities = Map.of("accepted/error", 1L, "filtered/attachment", (long) attachment.length(),
				"accepted/session", 1L);
		Map<String, Long> items = Map.of("accepted/error", 1L, "filtered/attachment", 1L, "accepted/session", 1L);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(stats(project, "sum(quantity)")).isEqualTo(quantities));
		assertThat(stats(project, "sum(times_seen)")).isEqualTo(items);
		JsonNode reasons = api().get(statsPath(project, "sum(quantity)") + "&groupBy=reason&outcome=filtered");
		assertThat(reasons.get("groups"))
			.allSatisfy((group) -> assertThat(group.get("by").get("reason").asString()).isEqualTo("unsupported"));
	}

	/** Adds what each item of the envelope must end as. */
	private static void expect(byte[] envelope, Map<String, Long> expected) throws IOException {
		int offset = indexOf(envelope, 0) + 1;
		while (offset < envelope.length) {
			int headerEnd = indexOf(envelope, offset);
			JsonNode header = JSON.readTree(new String(envelope, offset, headerEnd - offset, StandardCharsets.UTF_8));
			int start = headerEnd + 1;
			int end = header.has("length") ? start + header.get("length").asInt() : indexOf(envelope, start);
			String type = header.get("type").asString();
			if (type.equals("client_report")) {
				JsonNode report = JSON.readTree(new String(envelope, start, end - start, StandardCharsets.UTF_8));
				for (JsonNode discard : report.path("discarded_events")) {
					expected.merge("client_discard/" + discard.get("category").asString(),
							discard.get("quantity").asLong(), Long::sum);
				}
			}
			else {
				String outcome = ACCEPTED.contains(type) ? "accepted" : "filtered";
				if (type.equals("session")) {
					JsonNode session = JSON.readTree(new String(envelope, start, end - start, StandardCharsets.UTF_8));
					Instant started = Instant.parse(session.get("started").asString());
					if (started.isBefore(Instant.now().minus(Duration.ofDays(5)))) {
						outcome = "invalid";
					}
				}
				long quantity = type.equals("attachment") ? end - start
						: header.has("item_count") ? header.get("item_count").asLong() : 1;
				expected.merge(outcome + "/" + CATEGORIES.get(type), quantity, Long::sum);
			}
			offset = end + 1;
			while (offset < envelope.length && envelope[offset] == '\n') {
				offset++;
			}
		}
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	private Map<String, Long> stats(Project project, String field) {
		JsonNode body = api().get(statsPath(project, field) + "&groupBy=outcome&groupBy=category");
		Map<String, Long> totals = new TreeMap<>();
		for (JsonNode group : body.get("groups")) {
			totals.put(group.get("by").get("outcome").asString() + "/" + group.get("by").get("category").asString(),
					group.get("totals").get(field).asLong());
		}
		return totals;
	}

	private static String statsPath(Project project, String field) {
		return "/api/0/organizations/" + IssueWorkflowContract.ORGANIZATION + "/stats_v2/?field=" + field
				+ "&statsPeriod=2h&interval=1h&project=" + project.id();
	}

	private int post(Project project, byte[] envelope) {
		URI dsn = URI.create(project.dsn());
		String key = dsn.getUserInfo();
		URI endpoint = URI.create(dsn.getScheme() + "://" + dsn.getHost() + ":" + dsn.getPort() + "/api/" + project.id()
				+ "/envelope/?sentry_key=" + key);
		try {
			return this.http
				.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path samplesDir() {
		return Path.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
	}

}
