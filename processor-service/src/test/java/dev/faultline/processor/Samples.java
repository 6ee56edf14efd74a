package dev.faultline.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * The recorded SDK envelopes of {@code shared/reference/sentry-wire/samples}, as ingest
 * would queue them. Their DSNs point at project 42.
 */
public final class Samples {

	public static final long PROJECT_ID = 42;

	/** Just after the samples were sent, so their timestamps are kept. */
	public static final Instant RECEIVED = Instant.parse("2026-11-25T00:30:00Z");

	private Samples() {
	}

	public static byte[] body(String name) {
		Path dir = Path.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
		try {
			return Files.readAllBytes(dir.resolve(name + ".envelope"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static QueuedEnvelope queued(byte[] body) {
		return new QueuedEnvelope(PROJECT_ID, "publickey", RECEIVED, "203.0.113.7", "test", body);
	}

	public static QueuedEnvelope queued(String name) {
		return queued(body(name));
	}

	public static QueueRecord record(String position, String name) {
		return new QueueRecord(position, queued(name));
	}

}
