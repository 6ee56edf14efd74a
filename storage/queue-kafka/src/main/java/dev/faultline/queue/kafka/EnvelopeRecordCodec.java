package dev.faultline.queue.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.faultline.storage.queue.QueuedEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link QueuedEnvelope} to a Kafka record and back.
 *
 * <p>
 * Layout (version 1): key = the project id in decimal (so that one project's envelopes
 * share a partition and keep their order); value = the envelope bytes unchanged; headers
 * {@code fl-v} (layout version), {@code fl-key} (DSN public key), {@code fl-at}
 * (received-at, ISO-8601 with nanoseconds), and, when known, {@code fl-ip} and
 * {@code fl-ua}; header values are UTF-8. Tools such as {@code kafka-console-consumer}
 * show the envelope as it arrived. Stateless and thread-safe.
 */
final class EnvelopeRecordCodec {

	static final String VERSION = "fl-v";

	static final String PUBLIC_KEY = "fl-key";

	static final String RECEIVED_AT = "fl-at";

	static final String CLIENT_IP = "fl-ip";

	static final String USER_AGENT = "fl-ua";

	private static final byte[] CURRENT_VERSION = utf8("1");

	private EnvelopeRecordCodec() {
	}

	static ProducerRecord<byte[], byte[]> encode(String topic, QueuedEnvelope envelope) {
		Headers headers = new RecordHeaders();
		headers.add(VERSION, CURRENT_VERSION);
		headers.add(PUBLIC_KEY, utf8(envelope.publicKey()));
		headers.add(RECEIVED_AT, utf8(envelope.receivedAt().toString()));
		if (envelope.clientIp() != null) {
			headers.add(CLIENT_IP, utf8(envelope.clientIp()));
		}
		if (envelope.userAgent() != null) {
			headers.add(USER_AGENT, utf8(envelope.userAgent()));
		}
		return new ProducerRecord<>(topic, null, utf8(Long.toString(envelope.projectId())), envelope.body(), headers);
	}

	/**
	 * @throws MalformedRecordException when the record was not written by {@link #encode}
	 * (e.g. produced by another tool onto the topic)
	 */
	static QueuedEnvelope decode(ConsumerRecord<byte[], byte[]> record) {
		Headers headers = record.headers();
		String version = header(headers, VERSION);
		if (!"1".equals(version)) {
			throw new MalformedRecordException("unknown record layout version " + version);
		}
		byte[] key = record.key();
		String publicKey = header(headers, PUBLIC_KEY);
		String receivedAt = header(headers, RECEIVED_AT);
		if (key == null || publicKey == null || receivedAt == null) {
			throw new MalformedRecordException("record lacks its project id, public key or received-at");
		}
		try {
			byte[] body = record.value();
			return new QueuedEnvelope(Long.parseLong(new String(key, StandardCharsets.UTF_8)), publicKey,
					Instant.parse(receivedAt), header(headers, CLIENT_IP), header(headers, USER_AGENT),
					(body != null) ? body : new byte[0]);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new MalformedRecordException("record has an unreadable project id or received-at", ex);
		}
	}

	private static @Nullable String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/** A record on the topic that is not an envelope in a layout this version reads. */
	static final class MalformedRecordException extends RuntimeException {

		MalformedRecordException(String message) {
			super(message);
		}

		MalformedRecordException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
