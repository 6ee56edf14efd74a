package dev.faultline.ingest.envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;

import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreEventWrapperTest {

	private final StoreEventWrapper wrapper = new StoreEventWrapper(1024 * 1024);

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	@Test
	void wrapsEventKeepingPayloadBytes() {
		String event = "{\"event_id\":\"E9ACF878-ED9A-4E30-998F-AD1C6DB54F05\",\"message\":\"hi\"}";

		StoreEventWrapper.WrappedEvent wrapped = this.wrapper.wrap(bytes(event));

		Envelope envelope = this.decoder.decode(wrapped.envelope());
		assertThat(wrapped.eventId()).isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
		assertThat(envelope.headers().get("event_id").asString()).isEqualTo(wrapped.eventId());
		assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event");
		assertThat(new String(envelope.items().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo(event);
	}

	@Test
	void routesTransactionsByType() {
		StoreEventWrapper.WrappedEvent wrapped = this.wrapper
			.wrap(bytes("{\"type\":\"transaction\",\"event_id\":\"e9acf878ed9a4e30998fad1c6db54f05\"}"));

		assertThat(this.decoder.decode(wrapped.envelope()).items().get(0).type()).isEqualTo("transaction");
	}

	@Test
	void generatesMissingEventIdIntoHeaderAndPayload() {
		StoreEventWrapper.WrappedEvent wrapped = this.wrapper.wrap(bytes("{\"message\":\"hi\"}"));

		Envelope envelope = this.decoder.decode(wrapped.envelope());
		assertThat(wrapped.eventId()).hasSize(32);
		assertThat(JsonMapper.builder().build().readTree(envelope.items().get(0).payload()).get("event_id").asString())
			.isEqualTo(wrapped.eventId());
	}

	@Test
	void decodesBase64OfZlibJson() {
		String event = "{\"event_id\":\"e9acf878ed9a4e30998fad1c6db54f05\",\"message\":\"old sdk\"}";
		byte[] body = Base64.getEncoder().encode(zlib(bytes(event)));

		StoreEventWrapper.WrappedEvent wrapped = this.wrapper.wrap(body);

		assertThat(new String(this.decoder.decode(wrapped.envelope()).items().get(0).payload(), StandardCharsets.UTF_8))
			.isEqualTo(event);
	}

	@Test
	void rejectsBodiesThatAreNotJsonObjects() {
		for (String body : new String[] { "[1,2]", "not json at all!", "{\"a\":", "", "eJzLSM3JyQcABiwCFQ==" }) {
			assertThatThrownBy(() -> this.wrapper.wrap(bytes(body))).as(body)
				.isInstanceOfSatisfying(IngestRejection.class,
						(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST));
		}
	}

	@Test
	void rejectsInvalidEventId() {
		assertThatThrownBy(() -> this.wrapper.wrap(bytes("{\"event_id\":\"nope\"}"))).isInstanceOfSatisfying(
				IngestRejection.class, (ex) -> assertThat(ex.reason()).isEqualTo("invalid_event_id"));
	}

	@Test
	void stopsZlibBombAtTheLimit() {
		byte[] body = Base64.getEncoder().encode(zlib(new byte[8 * 1024 * 1024]));

		assertThatThrownBy(() -> this.wrapper.wrap(body)).isInstanceOfSatisfying(IngestRejection.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
	}

	@Test
	void rejectsDeeplyNestedJson() {
		String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

		assertThatThrownBy(() -> this.wrapper.wrap(bytes(deep))).isInstanceOfSatisfying(IngestRejection.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] zlib(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream stream = new DeflaterOutputStream(out)) {
			stream.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
