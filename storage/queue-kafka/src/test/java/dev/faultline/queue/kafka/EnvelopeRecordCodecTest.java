package dev.faultline.queue.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import dev.faultline.storage.queue.QueuedEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnvelopeRecordCodecTest {

	@Test
	void roundTripsEveryField() {
		QueuedEnvelope envelope = new QueuedEnvelope(42, "abc", Instant.parse("2024-05-06T07:08:09.123456789Z"),
				"2001:db8::1", "ua ✓", "{}\n".getBytes(StandardCharsets.UTF_8));

		QueuedEnvelope decoded = EnvelopeRecordCodec.decode(consumed(EnvelopeRecordCodec.encode("t", envelope)));

		assertThat(decoded).usingRecursiveComparison().isEqualTo(envelope);
	}

	@Test
	void keysByProjectAndKeepsTheBodyAsTheValue() {
		QueuedEnvelope envelope = new QueuedEnvelope(7, "abc", Instant.EPOCH, null, null, new byte[] { 1, 2 });

		ProducerRecord<byte[], byte[]> record = EnvelopeRecordCodec.encode("t", envelope);

		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("7");
		assertThat(record.value()).containsExactly(1, 2);
		assertThat(record.headers().lastHeader(EnvelopeRecordCodec.CLIENT_IP)).isNull();
		assertThat(EnvelopeRecordCodec.decode(consumed(record)).clientIp()).isNull();
	}

	@Test
	void rejectsRecordsOfAnotherLayout() {
		ConsumerRecord<byte[], byte[]> foreign = new ConsumerRecord<>("t", 0, 0, 0, TimestampType.CREATE_TIME, 1, 2,
				"1".getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
				Optional.empty());

		assertThatExceptionOfType(EnvelopeRecordCodec.MalformedRecordException.class)
			.isThrownBy(() -> EnvelopeRecordCodec.decode(foreign));
	}

	private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> record) {
		return new ConsumerRecord<>(record.topic(), 0, 0, 0, TimestampType.CREATE_TIME, record.key().length,
				record.value().length, record.key(), record.value(), record.headers(), Optional.empty());
	}

}
