package dev.faultline.protocol.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec's round-trip property over every JSON object real SDKs sent (each item
 * payload of the recorded envelopes in {@code shared/reference/sentry-wire/samples}:
 * events, transactions, feedback, sessions, logs, …) and every event of the repository's
 * grouping corpus: encoding a decoded payload gives back the same JSON, and decoding that
 * again gives an equal model.
 */
class EventCodecRoundTripTest {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	@ParameterizedTest
	@MethodSource("payloads")
	void encodingADecodedPayloadGivesItBack(ObjectNode payload) {
		Event event = EventCodec.decode(payload);

		ObjectNode encoded = EventCodec.toTree(event);

		assertThat(encoded).isEqualTo(payload);
		assertThat(EventCodec.decode(EventCodec.encodeBytes(event))).isEqualTo(event);
	}

	static List<Arguments> payloads() throws IOException {
		List<Arguments> payloads = new ArrayList<>();
		Path samples = Path
			.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
		try (Stream<Path> files = Files.list(samples)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".envelope")).sorted().toList()) {
				Envelope envelope = new EnvelopeDecoder().decode(Files.readAllBytes(file));
				for (int i = 0; i < envelope.items().size(); i++) {
					EnvelopeItem item = envelope.items().get(i);
					JsonNode payload;
					try {
						payload = MAPPER.readTree(item.payload());
					}
					catch (JacksonException ex) {
						continue; // attachments, replay recordings, multi-line payloads
					}
					if (payload instanceof ObjectNode object) {
						payloads.add(Arguments.of(Named.of(file.getFileName() + " #" + i + " " + item.type(), object)));
					}
				}
			}
		}
		Path corpus = Path
			.of(System.getProperty("faultline.grouping.corpus", "../core/src/test/resources/grouping/corpus.json"));
		for (JsonNode pair : MAPPER.readTree(corpus.toFile())) {
			for (String side : List.of("a", "b")) {
				if (pair.get(side) instanceof ObjectNode object) {
					payloads
						.add(Arguments.of(Named.of("corpus: " + pair.path("name").asString() + " " + side, object)));
				}
			}
		}
		assertThat(payloads).hasSizeGreaterThan(100);
		return payloads;
	}

}
