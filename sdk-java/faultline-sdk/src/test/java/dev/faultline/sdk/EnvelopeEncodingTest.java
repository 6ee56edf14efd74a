package dev.faultline.sdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK writes, decoded by the server's envelope decoder and compared with the
 * shapes the official Java SDK sends (samples in shared/reference/sentry-wire).
 */
class EnvelopeEncodingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordingTransport transport = new RecordingTransport();

	private final FaultlineClient client = new FaultlineClient(
			new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
				.setRelease("app@1.2.3")
				.setEnvironment("staging")
				.setServerName("test-host")
				.addInAppInclude("dev.faultline.sdk")
				.setTransport(this.transport));

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void chainedExceptionHasTheJavaSdkShape() {
		this.client.configureScope((scope) -> scope.setTag("feature", "checkout")
			.setUser(new User("user-42", "alice", "alice@example.com", "10.1.2.3"))
			.setContext("order", Map.of("id", "ord-1234"))
			.setExtra("order_id", "ord-1234")
			.setFingerprint(List.of("{{ default }}", "checkout"))
			.addBreadcrumb(Breadcrumb.of("ui.click", "Clicked checkout")));
		Exception error = new IllegalStateException("Checkout failed", new java.io.IOException("Connection reset"));
		String id = this.client.captureException(error);
		assertThat(this.client.flush(Duration.ofSeconds(10))).isTrue();

		Envelope envelope = this.transport.sent.get(0);
		assertThat(fieldNames(envelope.headers())).contains("event_id", "sent_at", "sdk");
		assertThat(envelope.headers().get("event_id").asString()).isEqualTo(id).matches("[0-9a-f]{32}");
		EnvelopeItem item = envelope.items().get(0);
		assertThat(fieldNames(item.headers())).containsExactlyInAnyOrder("content_type", "type", "length");
		assertThat(item.headers().get("length").asInt()).isEqualTo(item.payload().length);

		JsonNode event = JSON.readTree(item.payload());
		JsonNode values = event.get("exception").get("values");
		assertThat(values).hasSize(2);
		assertThat(values.get(0).get("type").asString()).isEqualTo("IOException");
		assertThat(values.get(0).get("module").asString()).isEqualTo("java.io");
		assertThat(values.get(0).get("mechanism").toString())
			.isEqualTo("{\"type\":\"chained\",\"exception_id\":1,\"parent_id\":0}");
		assertThat(values.get(1).get("type").asString()).isEqualTo("IllegalStateException");
		assertThat(values.get(1).get("mechanism").toString()).isEqualTo("{\"type\":\"chained\",\"exception_id\":0}");
		JsonNode frames = values.get(1).get("stacktrace").get("frames");
		JsonNode last = frames.get(frames.size() - 1);
		assertThat(last.get("function").asString()).isEqualTo("chainedExceptionHasTheJavaSdkShape");
		assertThat(last.get("module").asString()).isEqualTo(getClass().getName());
		assertThat(last.get("filename").asString()).isEqualTo("EnvelopeEncodingTest.java");
		assertThat(last.get("in_app").asBoolean()).isTrue();
		assertThat(frames.get(0).get("in_app").asBoolean()).isFalse();

		assertThat(event.get("event_id").asString()).isEqualTo(id);
		assertThat(event.get("platform").asString()).isEqualTo("java");
		assertThat(event.get("release").asString()).isEqualTo("app@1.2.3");
		assertThat(event.get("tags").get("feature").asString()).isEqualTo("checkout");
		assertThat(event.get("contexts").get("order").get("id").asString()).isEqualTo("ord-1234");
		assertThat(event.get("breadcrumbs").get(0).get("message").asString()).isEqualTo("Clicked checkout");
		assertThat(event.get("fingerprint").get(1).asString()).isEqualTo("checkout");
		assertThat(event.get("user").has("ip_address")).as("no PII by default").isFalse();
		assertThat(event.get("user").get("id").asString()).isEqualTo("user-42");
	}

	@Test
	void eventKeysAreThoseOfTheOfficialJavaSdk() throws Exception {
		Path sample = samples().resolve("java-event-error.envelope");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(sample), "samples beside the repository");
		JsonNode official = JSON
			.readTree(new EnvelopeDecoder().decode(Files.readAllBytes(sample)).items().get(0).payload());
		this.client.configureScope((scope) -> scope.setTag("a", "b")
			.setUser(new User("1", null, null, null))
			.setExtra("x", 1)
			.setFingerprint(List.of("{{ default }}"))
			.addBreadcrumb(Breadcrumb.of("c", "m")));
		this.client.captureException(new IllegalStateException("x", new RuntimeException("y")));
		this.client.flush(Duration.ofSeconds(10));
		JsonNode ours = JSON.readTree(this.transport.sent.get(0).items().get(0).payload());

		assertThat(fieldNames(ours)).containsAll(withoutOptional(fieldNames(official), Set.of("modules")));
		JsonNode officialValue = official.get("exception").get("values").get(0);
		JsonNode ourValue = ours.get("exception").get("values").get(0);
		assertThat(fieldNames(ourValue)).containsAll(fieldNames(officialValue));
		assertThat(fieldNames(ourValue.get("stacktrace").get("frames").get(0)))
			.containsAll(fieldNames(officialValue.get("stacktrace").get("frames").get(0)));
		assertThat(fieldNames(ours.get("breadcrumbs").get(0))).contains("timestamp", "message", "category", "level");
	}

	@Test
	void messageEventHasAFormattedMessageAndLevel() {
		this.client.captureEvent(Event.ofMessage("Cart cart-77 holds 3 items", Level.WARNING)
			.setMessage("Cart cart-77 holds 3 items", "Cart %s holds %s items", List.of("cart-77", 3)));
		this.client.flush(Duration.ofSeconds(10));
		JsonNode event = JSON.readTree(this.transport.sent.get(0).items().get(0).payload());
		assertThat(event.get("level").asString()).isEqualTo("warning");
		assertThat(event.get("message").get("formatted").asString()).isEqualTo("Cart cart-77 holds 3 items");
		assertThat(event.get("message").get("message").asString()).isEqualTo("Cart %s holds %s items");
		assertThat(event.get("message").get("params").get(1).asInt()).isEqualTo(3);
	}

	@Test
	void transactionCarriesItsSpansAndTheTraceHeader() {
		FaultlineClient tracing = new FaultlineClient(new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
			.setTracesSampleRate(1.0)
			.setRelease("app@1.2.3")
			.setTransport(this.transport));
		Transaction transaction = tracing.startTransaction("GET /checkout", "http.server");
		Span query = transaction.startChild("db.query", "SELECT 1");
		Span nested = query.startChild("serialize", "encode");
		nested.finish();
		query.setStatus("ok").finish();
		transaction.setStatus("ok").finish();
		tracing.flush(Duration.ofSeconds(10));
		tracing.close();

		Envelope envelope = this.transport.sent.get(0);
		assertThat(envelope.items().get(0).type()).isEqualTo("transaction");
		JsonNode trace = envelope.headers().get("trace");
		assertThat(trace.get("trace_id").asString()).isEqualTo(transaction.traceId());
		assertThat(trace.get("public_key").asString()).isEqualTo("publickey");
		assertThat(trace.get("sampled").asString()).isEqualTo("true");
		assertThat(trace.get("sample_rate").asString()).isEqualTo("1");
		JsonNode payload = JSON.readTree(envelope.items().get(0).payload());
		assertThat(payload.get("type").asString()).isEqualTo("transaction");
		assertThat(payload.get("transaction").asString()).isEqualTo("GET /checkout");
		assertThat(payload.get("start_timestamp").isNumber()).isTrue();
		assertThat(payload.get("timestamp").asDouble())
			.isGreaterThanOrEqualTo(payload.get("start_timestamp").asDouble());
		assertThat(payload.get("contexts").get("trace").get("span_id").asString()).isEqualTo(transaction.spanId());
		JsonNode spans = payload.get("spans");
		assertThat(spans).hasSize(2);
		List<String> parents = new ArrayList<>();
		spans.forEach((span) -> parents.add(span.get("parent_span_id").asString()));
		assertThat(parents).containsExactlyInAnyOrder(transaction.spanId(), query.spanId());
	}

	@Test
	void errorsInsideATransactionCarryItsTrace() {
		FaultlineClient tracing = new FaultlineClient(new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
			.setTracesSampleRate(1.0)
			.setTransport(this.transport));
		Transaction transaction = tracing.startTransaction("job", "task");
		tracing.withScope((scope) -> {
			scope.setSpan(transaction);
			tracing.captureMessage("inside");
		});
		tracing.flush(Duration.ofSeconds(10));
		tracing.close();
		JsonNode event = JSON.readTree(this.transport.sent.get(0).items().get(0).payload());
		assertThat(event.get("contexts").get("trace").get("trace_id").asString()).isEqualTo(transaction.traceId());
		assertThat(event.get("transaction").asString()).isEqualTo("job");
		assertThat(this.transport.sent.get(0).headers().get("trace").get("trace_id").asString())
			.isEqualTo(transaction.traceId());
	}

	@Test
	void withScopeChangesDoNotLeak() {
		this.client.withScope((scope) -> {
			scope.setTag("inner", "yes");
			this.client.captureMessage("one");
		});
		this.client.captureMessage("two");
		this.client.flush(Duration.ofSeconds(10));
		JsonNode first = JSON.readTree(this.transport.sent.get(0).items().get(0).payload());
		JsonNode second = JSON.readTree(this.transport.sent.get(1).items().get(0).payload());
		assertThat(first.get("tags").get("inner").asString()).isEqualTo("yes");
		assertThat(second.has("tags")).isFalse();
	}

	@Test
	void nullParametersAndBreadcrumbValuesAreKept() {
		this.client.addBreadcrumb(new Breadcrumb(java.time.Instant.now(), null, "c", "m", Level.INFO,
				java.util.Collections.singletonMap("k", null)));
		this.client.captureEvent(new Event().setMessage("a null", "a %s", java.util.Arrays.asList((Object) null)));
		this.client.flush(Duration.ofSeconds(10));
		JsonNode event = JSON.readTree(this.transport.sent.get(0).items().get(0).payload());
		assertThat(event.get("message").get("params").get(0).isNull()).isTrue();
		assertThat(event.get("breadcrumbs").get(0).get("data").get("k").isNull()).isTrue();
	}

	@Test
	void jsonStringsAreEscaped() {
		StringBuilder out = new StringBuilder();
		new JsonWriter(out).value(Map.of("k", "a\"b\\c\nd\u0001e\u2028"));
		JsonNode parsed = JSON.readTree(out.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.get("k").asString()).isEqualTo("a\"b\\c\nd\u0001e\u2028");
	}

	@Test
	void dsnKeepsItsPathPrefixAndBuildsTheAuthHeader() {
		Dsn dsn = Dsn.parse("https://abc:secret@example.com:8443/sentry/42");
		assertThat(dsn.envelopeUri()).hasToString("https://example.com:8443/sentry/api/42/envelope/");
		assertThat(dsn.authHeader("faultline.java/0.1.0")).isEqualTo(
				"Sentry sentry_version=7,sentry_client=faultline.java/0.1.0,sentry_key=abc,sentry_secret=secret");
	}

	private static Path samples() {
		String dir = System.getProperty("faultline.samples.dir");
		return (dir != null) ? Path.of(dir) : Path.of("../../../shared/reference/sentry-wire/samples");
	}

	private static Set<String> withoutOptional(List<String> names, Set<String> optional) {
		Set<String> kept = new java.util.HashSet<>(names);
		kept.removeAll(optional);
		return kept;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
