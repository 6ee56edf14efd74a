package dev.faultline.protocol.span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tracing codec over what the SDKs sent (the recorded samples in
 * {@code shared/reference/sentry-wire/samples}) and over broken payloads.
 */
class SpanCodecTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsAJavaTransactionWithItsNestedSpans() throws IOException {
		Transaction transaction = SpanCodec.transaction(item("java-transaction.envelope", "transaction"));

		assertThat(transaction.eventId()).matches("[0-9a-f]{32}");
		assertThat(transaction.root().traceId()).matches("[0-9a-f]{32}");
		assertThat(transaction.root().op()).isNotNull();
		assertThat(transaction.root().description()).isEqualTo(transaction.name());
		assertThat(transaction.spans()).hasSize(4);
		assertThat(transaction.unreadableSpans()).isZero();
		assertThat(transaction.sdkName()).isEqualTo("sentry.java");
		// Every child belongs to the tree: its parent is the root or another child.
		List<String> ids = new java.util.ArrayList<>(
				transaction.spans().stream().map(TransactionSpan::spanId).toList());
		ids.add(transaction.root().spanId());
		assertThat(transaction.spans()).allSatisfy((span) -> {
			assertThat(ids).contains(span.parentSpanId());
			assertThat(span.traceId()).isEqualTo(transaction.root().traceId());
			assertThat(span.end()).isAfterOrEqualTo(span.start());
		});
		assertThat(transaction.spans())
			.anySatisfy((span) -> assertThat(span.parentSpanId()).isNotEqualTo(transaction.root().spanId()));
	}

	@Test
	void readsTheStaticBrowserPageloadWithItsWebVitals() throws IOException {
		Transaction pageload = SpanCodec.transaction(item("browser-transaction.envelope", "transaction"));

		assertThat(pageload.root().op()).isEqualTo("pageload");
		assertThat(pageload.measurements()).containsKeys("lcp", "fcp", "ttfb", "cls");
		assertThat(pageload.measurements().get("lcp").unit()).isEqualTo("millisecond");
	}

	@Test
	void readsANodeSpanStreamWithMicrosecondTimes() throws IOException {
		ObjectNode container = item("node-span-stream.envelope", "span");

		SpanBatch batch = SpanCodec.spanBatch(container);

		assertThat(batch.spans()).hasSize(5);
		assertThat(batch.unreadable()).isZero();
		StreamedSpan segment = batch.spans().stream().filter(StreamedSpan::segment).findFirst().orElseThrow();
		assertThat(segment.parentSpanId()).isNull();
		assertThat(segment.name()).isEqualTo("GET /checkout");
		assertThat(segment.text("sentry.op")).isEqualTo("http.server");
		assertThat(segment.number("sentry.sample_rate")).isEqualTo(1.0);
		assertThat(segment.start()).isEqualTo(Instant.parse("2026-11-25T00:00:15.141619Z"));
		assertThat(batch.spans()).filteredOn((span) -> !span.segment())
			.allSatisfy((span) -> assertThat(span.text("sentry.segment.id")).isEqualTo(segment.spanId()));
	}

	@Test
	void skipsSpansWithoutIdsOrTimesAndKeepsTheOthers() throws IOException {
		ObjectNode container = (ObjectNode) JSON.readTree("{\"version\":2,\"items\":["
				+ "{\"trace_id\":\"0AF7651916CD43DD8448EB211C80319C\",\"span_id\":\"b7ad6b7169203331\","
				+ "\"start_timestamp\":1795564815.1,\"end_timestamp\":1795564815.2,\"attributes\":{\"a\":\"[Filtered]\"}},"
				+ "{\"trace_id\":\"nope\",\"span_id\":\"b7ad6b7169203332\",\"start_timestamp\":1,\"end_timestamp\":2},"
				+ "{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203333\"}, 7]}");

		SpanBatch batch = SpanCodec.spanBatch(container);

		assertThat(batch.spans()).singleElement().satisfies((span) -> {
			assertThat(span.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
			assertThat(span.text("a")).isEqualTo("[Filtered]");
		});
		assertThat(batch.unreadable()).isEqualTo(3);
	}

	@Test
	void refusesATransactionWithoutItsSegmentOrTimes() throws IOException {
		ObjectNode noTrace = (ObjectNode) JSON.readTree("{\"event_id\":\"5d1f2bd09a3b4ab1b0d3c3f1a9e2c4d7\","
				+ "\"type\":\"transaction\",\"start_timestamp\":1,\"timestamp\":2}");
		ObjectNode noTimes = (ObjectNode) JSON.readTree("{\"event_id\":\"5d1f2bd09a3b4ab1b0d3c3f1a9e2c4d7\","
				+ "\"contexts\":{\"trace\":{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203331\"}}}");

		assertThatExceptionOfType(SpanDecodeException.class).isThrownBy(() -> SpanCodec.transaction(noTrace))
			.withMessageContaining("contexts.trace");
		assertThatExceptionOfType(SpanDecodeException.class).isThrownBy(() -> SpanCodec.transaction(noTimes))
			.withMessageContaining("start_timestamp");
		assertThatExceptionOfType(SpanDecodeException.class)
			.isThrownBy(() -> SpanCodec.spanBatch((ObjectNode) JSON.readTree("{\"version\":2}")));
	}

	private static ObjectNode item(String sample, String type) throws IOException {
		String dir = System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples");
		Envelope envelope = new EnvelopeDecoder().decode(Files.readAllBytes(Path.of(dir).resolve(sample)));
		EnvelopeItem item = envelope.items()
			.stream()
			.filter((candidate) -> candidate.type().equals(type))
			.findFirst()
			.orElseThrow();
		return (ObjectNode) JSON.readTree(item.payload());
	}

}
