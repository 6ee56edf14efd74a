package dev.faultline.protocol.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.faultline.protocol.envelope.EnvelopeParseException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class EnvelopeDecoderTest {

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	@Test
	void decodesItemsWithoutLengthAndWithoutTrailingNewline() {
		Envelope envelope = decode(
				"{\"event_id\":\"abc\"}\n{\"type\":\"event\"}\n{\"a\":1}\n{\"type\":\"session\"}\n{}");

		assertThat(envelope.headers().get("event_id").asString()).isEqualTo("abc");
		assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event", "session");
		assertThat(text(envelope.items().get(0))).isEqualTo("{\"a\":1}");
		assertThat(text(envelope.items().get(1))).isEqualTo("{}");
	}

	@Test
	void decodesItemsWithLengthAndTrailingNewline() {
		Envelope envelope = decode(
				"{}\n{\"type\":\"attachment\",\"length\":5}\na\nb\nc\n{\"type\":\"event\",\"length\":2}\n{}\n");

		assertThat(envelope.headers().isEmpty()).isTrue();
		assertThat(text(envelope.items().get(0))).isEqualTo("a\nb\nc");
		assertThat(text(envelope.items().get(1))).isEqualTo("{}");
	}

	@Test
	void decodesHeadersOnly() {
		assertThat(decode("{}").items()).isEmpty();
		assertThat(decode("{}\n").items()).isEmpty();
		assertThat(decode("{\"dsn\":\"x\"}\n\n").items()).isEmpty();
	}

	@Test
	void toleratesCarriageReturnsAfterHeadersAndLengthDelimitedPayloads() {
		Envelope envelope = decode(
				"{}\r\n{\"type\":\"event\",\"length\":2}\r\n{}\r\n{\"type\":\"log\"}\r\n{\"b\":2}\r\n");

		assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event", "log");
		assertThat(text(envelope.items().get(0))).isEqualTo("{}");
		// Without a length the payload runs to the newline; the \r belongs to it.
		assertThat(text(envelope.items().get(1))).isEqualTo("{\"b\":2}\r");
	}

	@Test
	void keepsUnknownItemTypesAndHeaderAttributes() {
		Envelope envelope = decode(
				"{\"x_custom\":{\"n\":[1]}}\n{\"type\":\"future_thing\",\"length\":3,\"extra\":true}\nabc\n");

		assertThat(envelope.headers().get("x_custom").get("n").get(0).asInt()).isEqualTo(1);
		assertThat(envelope.items().get(0).type()).isEqualTo("future_thing");
		assertThat(envelope.items().get(0).headers().get("extra").asBoolean()).isTrue();
	}

	@Test
	void acceptsZeroLengthAndEmptyPayloadAtEnd() {
		Envelope envelope = decode("{}\n{\"type\":\"a\",\"length\":0}\n\n{\"type\":\"b\"}");

		assertThat(envelope.items()).hasSize(2);
		assertThat(envelope.items().get(0).payload()).isEmpty();
		assertThat(envelope.items().get(1).payload()).isEmpty();
	}

	@Test
	void rejectsEmptyBody() {
		assertReason(new byte[0], Reason.EMPTY);
	}

	@Test
	void rejectsGarbage() {
		assertReason("hello world", Reason.INVALID_ENVELOPE_HEADER);
		assertReason("   ", Reason.INVALID_ENVELOPE_HEADER);
		assertReason("[1,2]\n", Reason.INVALID_ENVELOPE_HEADER);
		assertReason("{\"a\":1} trailing\n", Reason.INVALID_ENVELOPE_HEADER);
		assertReason("{\"sent_at\":\"x\",\"sent_at\":\"y\"}\n", Reason.INVALID_ENVELOPE_HEADER);
	}

	@Test
	void rejectsBadItemHeaders() {
		assertReason("{}\nnot json\n", Reason.INVALID_ITEM_HEADER);
		assertReason("{}\n{\"length\":2}\n{}\n", Reason.MISSING_ITEM_TYPE);
		assertReason("{}\n{\"type\":\"\"}\n{}\n", Reason.MISSING_ITEM_TYPE);
		assertReason("{}\n{\"type\":7}\n{}\n", Reason.MISSING_ITEM_TYPE);
		assertReason("{}\n{\"type\":\"event\",\"length\":\"2\"}\n{}\n", Reason.INVALID_LENGTH);
		assertReason("{}\n{\"type\":\"event\",\"length\":1.5}\n{}\n", Reason.INVALID_LENGTH);
	}

	@Test
	void rejectsNegativeLength() {
		assertReason("{}\n{\"type\":\"event\",\"length\":-1}\n{}\n", Reason.NEGATIVE_LENGTH);
	}

	@Test
	void rejectsLengthPastEnd() {
		assertReason("{}\n{\"type\":\"event\",\"length\":100}\n{}\n", Reason.LENGTH_PAST_END);
		assertReason("{}\n{\"type\":\"event\",\"length\":99999999999999}\n{}\n", Reason.LENGTH_PAST_END);
		assertReason("{}\n{\"type\":\"event\",\"length\":1}", Reason.LENGTH_PAST_END);
	}

	@Test
	void rejectsLengthDelimitedPayloadWithoutNewline() {
		assertReason("{}\n{\"type\":\"event\",\"length\":1}\n{}\n", Reason.MISSING_NEWLINE_AFTER_PAYLOAD);
	}

	@Test
	void rejectsInvalidUtf8InHeaders() {
		byte[] envelopeHeader = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n' };
		assertReason(envelopeHeader, Reason.INVALID_ENVELOPE_HEADER);
		byte[] itemHeader = concat("{}\n{\"type\":\"", new byte[] { (byte) 0xFF }, "\"}\n{}");
		assertReason(itemHeader, Reason.INVALID_ITEM_HEADER);
	}

	@Test
	void payloadBytesAreNotDecoded() {
		byte[] body = concat("{}\n{\"type\":\"attachment\",\"length\":2}\n", new byte[] { (byte) 0xFF, 0 }, "\n");

		assertThat(this.decoder.decode(body).items().get(0).payload()).containsExactly((byte) 0xFF, 0);
	}

	@Test
	void rejectsDeeplyNestedHeaders() {
		String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		assertReason(deep + "\n", Reason.TOO_DEEPLY_NESTED);
		assertReason("{}\n{\"type\":\"event\",\"x\":" + "{\"y\":".repeat(100) + "1" + "}".repeat(100) + "}\n{}",
				Reason.TOO_DEEPLY_NESTED);
	}

	@Test
	void failsOnlyWithEnvelopeParseExceptionForRandomInput() {
		Random random = new Random(42);
		String alphabet = "{}[]\":,\n\r 0123456789-.typelngthevn\\";
		for (int i = 0; i < 20_000; i++) {
			byte[] body;
			if (i % 2 == 0) {
				body = new byte[random.nextInt(64)];
				random.nextBytes(body);
			}
			else {
				StringBuilder text = new StringBuilder("{}\n{\"type\":\"e\",\"length\":");
				int size = random.nextInt(40);
				for (int j = 0; j < size; j++) {
					text.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				body = text.toString().getBytes(StandardCharsets.UTF_8);
			}
			Throwable thrown = catchThrowable(() -> this.decoder.decode(body));
			assertThat(thrown).as("input %d", i)
				.satisfiesAnyOf((t) -> assertThat(t).isNull(),
						(t) -> assertThat(t).isInstanceOf(EnvelopeParseException.class));
		}
	}

	private Envelope decode(String body) {
		return this.decoder.decode(body.getBytes(StandardCharsets.UTF_8));
	}

	private void assertReason(String body, Reason reason) {
		assertReason(body.getBytes(StandardCharsets.UTF_8), reason);
	}

	private void assertReason(byte[] body, Reason reason) {
		assertThatThrownBy(() -> this.decoder.decode(body)).isInstanceOfSatisfying(EnvelopeParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private static String text(EnvelopeItem item) {
		return new String(item.payload(), StandardCharsets.UTF_8);
	}

	private static byte[] concat(String head, byte[] middle, String tail) {
		byte[] a = head.getBytes(StandardCharsets.UTF_8);
		byte[] c = tail.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[a.length + middle.length + c.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(middle, 0, out, a.length, middle.length);
		System.arraycopy(c, 0, out, a.length + middle.length, c.length);
		return out;
	}

}
