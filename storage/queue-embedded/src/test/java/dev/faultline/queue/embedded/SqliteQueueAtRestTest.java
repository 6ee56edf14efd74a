package dev.faultline.queue.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the queue file holds once envelopes were processed: no payload bytes (deleted rows
 * are overwritten, the write-ahead log is emptied once the consumers caught up), no space
 * kept from a past backlog, and files only their owner can read.
 */
class SqliteQueueAtRestTest {

	private static final int ENVELOPES = 300;

	private static final int BODY_SIZE = 64 * 1024;

	@TempDir
	Path directory;

	@Test
	void processedPayloadsAreNotLeftInTheFilesAndTheFileShrinksBack() throws IOException {
		Path file = this.directory.resolve("queue.db");
		List<String> secrets = new ArrayList<>();
		long backlogSize;
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(file, 100_000)) {
			EnvelopeConsumer consumer = queue.consumer("processor");
			Random random = new Random(7);
			for (int i = 0; i < ENVELOPES; i++) {
				String secret = "SECRET-" + i + "-card-4111111111111111-" + random.nextLong();
				secrets.add(secret);
				queue.publish(
						new QueuedEnvelope(1, "public-key", Instant.now(), "203.0.113.9", "sdk", body(secret, random)));
			}
			backlogSize = sizeOf(this.directory);
			assertThat(backlogSize).as("the backlog is on disk").isGreaterThan((long) ENVELOPES * BODY_SIZE);
			assertThat(contains(this.directory, secrets.get(0))).as("the test can see a payload").isTrue();

			int processed = 0;
			while (processed < ENVELOPES) {
				processed += consumer.poll(100, Duration.ofSeconds(5)).size();
				consumer.commit();
			}

			for (String secret : List.of(secrets.get(0), secrets.get(ENVELOPES / 2), secrets.get(ENVELOPES - 1))) {
				assertThat(contains(this.directory, secret)).as(secret + " in the queue files while open").isFalse();
			}
			assertThat(Files.size(file)).as("queue.db after the backlog was processed").isLessThan(backlogSize / 10);
		}
		for (String secret : secrets) {
			assertThat(contains(this.directory, secret)).as(secret + " in the queue files after closing").isFalse();
		}
	}

	@Test
	void filesAreOwnerOnly() throws IOException {
		Path file = this.directory.resolve("nested").resolve("queue.db");
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(file, 100)) {
			queue.publish(new QueuedEnvelope(1, "public-key", Instant.now(), null, null, new byte[] { 'x' }));
			try (Stream<Path> files = Files.list(file.getParent())) {
				for (Path each : files.toList()) {
					assertThat(Files.getPosixFilePermissions(each)).as(each.toString())
						.isSubsetOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
				}
			}
			assertThat(Files.getPosixFilePermissions(file.getParent())).containsExactlyInAnyOrder(
					PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
		}
	}

	private static byte[] body(String secret, Random random) {
		byte[] body = new byte[BODY_SIZE];
		random.nextBytes(body);
		byte[] marker = secret.getBytes(StandardCharsets.US_ASCII);
		// At the start, in the middle (an overflow page) and at the end.
		System.arraycopy(marker, 0, body, 0, marker.length);
		System.arraycopy(marker, 0, body, BODY_SIZE / 2, marker.length);
		System.arraycopy(marker, 0, body, BODY_SIZE - marker.length, marker.length);
		return body;
	}

	private static long sizeOf(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			long total = 0;
			for (Path file : files.toList()) {
				total += Files.size(file);
			}
			return total;
		}
	}

	private static boolean contains(Path directory, String secret) throws IOException {
		byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
