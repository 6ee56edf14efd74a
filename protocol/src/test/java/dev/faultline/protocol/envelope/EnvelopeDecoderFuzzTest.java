package dev.faultline.protocol.envelope;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the envelope decoder with Jazzer: whatever the bytes, the
 * decoder returns an envelope or throws {@link EnvelopeParseException}, nothing else; and
 * what it returns survives a round trip through the encoder unchanged. The seed corpus is
 * every recorded SDK envelope ({@code EnvelopeDecoderFuzzTestInputs}). Without
 * {@code JAZZER_FUZZ} set this only replays the corpus; the build runs it once more with
 * {@code JAZZER_FUZZ=1}, bounded by {@code maxDuration} (see the surefire {@code fuzz}
 * execution in this module's pom).
 */
class EnvelopeDecoderFuzzTest {

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	private final EnvelopeEncoder encoder = new EnvelopeEncoder();

	@FuzzTest(maxDuration = "30s")
	void decoderFailsOnlyWithTypedParseErrors(byte[] data) {
		Envelope envelope;
		try {
			envelope = this.decoder.decode(data);
		}
		catch (EnvelopeParseException expected) {
			assertThat(expected.reason()).isNotNull();
			return;
		}
		Envelope again = this.decoder.decode(this.encoder.encode(envelope));
		assertThat(again.headers()).isEqualTo(envelope.headers());
		assertThat(again.items()).hasSameSizeAs(envelope.items());
		for (int i = 0; i < envelope.items().size(); i++) {
			assertThat(again.items().get(i).type()).isEqualTo(envelope.items().get(i).type());
			assertThat(again.items().get(i).payload()).isEqualTo(envelope.items().get(i).payload());
		}
	}

}
