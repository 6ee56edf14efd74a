package dev.faultline.protocol.envelope;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeEncoderTest {

	private final EnvelopeEncoder encoder = new EnvelopeEncoder();

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	@Test
	void writesLengthForEveryItemAndNewlineAfterEveryPayload() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode headers = json.createObjectNode().put("event_id", "0123456789abcdef0123456789abcdef");
		ObjectNode itemHeaders = json.createObjectNode().put("type", "event");
		Envelope envelope = new Envelope(headers,
				List.of(new EnvelopeItem(itemHeaders, "{\"a\":\"line\\nbreak\"}".getBytes(StandardCharsets.UTF_8))));

		String encoded = new String(this.encoder.encode(envelope), StandardCharsets.UTF_8);

		assertThat(encoded).isEqualTo("{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n"
				+ "{\"type\":\"event\",\"length\":19}\n{\"a\":\"line\\nbreak\"}\n");
		assertThat(itemHeaders.has("length")).as("input left unchanged").isFalse();
	}

	@Test
	void roundTripsEverySample() {
		for (Path sample : SampleEnvelopes.all()) {
			Envelope original = this.decoder.decode(SampleEnvelopes.read(sample.getFileName().toString()));

			Envelope again = this.decoder.decode(this.encoder.encode(original));

			assertThat(again.headers()).isEqualTo(original.headers());
			assertThat(again.items()).hasSameSizeAs(original.items());
			for (int i = 0; i < original.items().size(); i++) {
				EnvelopeItem before = original.items().get(i);
				EnvelopeItem after = again.items().get(i);
				assertThat(after.type()).isEqualTo(before.type());
				assertThat(after.payload()).as(sample + " item " + i).isEqualTo(before.payload());
				assertThat(after.headers().get("length").asInt()).isEqualTo(before.payload().length);
			}
		}
	}

	@Test
	void roundTripsPayloadsContainingNewlinesAndBinary() {
		JsonMapper json = JsonMapper.builder().build();
		byte[] binary = { '\n', 0, (byte) 0xFF, '\r', '\n' };
		Envelope envelope = new Envelope(json.createObjectNode(),
				List.of(new EnvelopeItem(json.createObjectNode().put("type", "attachment"), binary)));

		Envelope again = this.decoder.decode(this.encoder.encode(envelope));

		assertThat(again.items().get(0).payload()).isEqualTo(binary);
	}

}
