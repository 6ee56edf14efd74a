package dev.faultline.protocol.envelope;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeDecoderSamplesTest {

	private static final Set<String> NON_JSON_ITEM_TYPES = Set.of("attachment");

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	@ParameterizedTest
	@CsvSource({ "browser-client_report.envelope, client_report", "browser-event-error.envelope, event",
			"browser-event-message.envelope, event", "browser-feedback.envelope, feedback",
			"browser-session.envelope, session", "browser-span-stream.envelope, span",
			"browser-transaction.envelope, transaction", "cli-check_in.envelope, check_in", "cli-event.envelope, event",
			"java-check_in.envelope, check_in", "java-event+attachment.envelope, event;attachment",
			"java-event+session-errored.envelope, event;session", "java-event-error.envelope, event",
			"java-event-message.envelope, event", "java-feedback.envelope, feedback", "java-log.envelope, log",
			"java-session.envelope, session", "java-trace_metric.envelope, trace_metric",
			"java-transaction+client_report.envelope, transaction;client_report",
			"java-transaction.envelope, transaction", "java-user_report.envelope, user_report",
			"node-check_in.envelope, check_in", "node-client_report.envelope, client_report",
			"node-event+attachment.envelope, event;attachment", "node-event-error.envelope, event",
			"node-event-message.envelope, event", "node-feedback.envelope, feedback", "node-log.envelope, log",
			"node-session-tunnel.envelope, session", "node-session.envelope, session",
			"node-span-stream.envelope, span", "node-trace_metric.envelope, trace_metric",
			"node-transaction.envelope, transaction" })
	void decodesRecordedSdkEnvelope(String file, String types) {
		Envelope envelope = this.decoder.decode(SampleEnvelopes.read(file));

		assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly(types.split(";"));
		JsonMapper json = JsonMapper.builder().build();
		for (EnvelopeItem item : envelope.items()) {
			assertThat(item.payload()).isNotEmpty();
			if (!NON_JSON_ITEM_TYPES.contains(item.type())) {
				assertThat(json.readTree(item.payload()).isObject()).as(file + " " + item.type()).isTrue();
			}
		}
	}

	@Test
	void everySampleIsCoveredAndDecodes() {
		List<Path> samples = SampleEnvelopes.all();

		assertThat(samples).hasSize(33);
		for (Path sample : samples) {
			Envelope envelope = this.decoder.decode(SampleEnvelopes.read(sample.getFileName().toString()));
			assertThat(envelope.items()).as(sample.toString()).isNotEmpty();
		}
	}

	@Test
	void keepsLengthDelimitedAttachmentBytesExactly() {
		Envelope envelope = this.decoder.decode(SampleEnvelopes.read("java-event+attachment.envelope"));

		EnvelopeItem attachment = envelope.items().get(1);
		assertThat(attachment.payload()).hasSize(attachment.headers().get("length").asInt());
		assertThat(attachment.headers().get("filename").asString()).isNotEmpty();
	}

	@Test
	void readsTunnelDsnAndCliDashedEventIdFromEnvelopeHeaders() {
		Envelope tunnel = this.decoder.decode(SampleEnvelopes.read("node-session-tunnel.envelope"));
		Envelope cli = this.decoder.decode(SampleEnvelopes.read("cli-event.envelope"));

		assertThat(tunnel.headers().get("dsn").asString()).isEqualTo("http://publickey@127.0.0.1:9400/42");
		assertThat(cli.headers().get("event_id").asString()).contains("-");
		assertThat(Arrays.equals(cli.items().get(0).payload(), new byte[0])).isFalse();
	}

}
