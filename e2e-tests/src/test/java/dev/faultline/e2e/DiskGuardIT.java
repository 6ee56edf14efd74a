package dev.faultline.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded shape on a small file system the test mounts (tmpfs, needs root): ingest
 * at full speed until the disk guard answers 503 with {@code Retry-After}; after space is
 * freed ingest resumes by itself, and every envelope that was answered 200 is stored,
 * once.
 */
class DiskGuardIT {

	private static final int MB = 1024 * 1024;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void ingestRefusesWhenTheDiskRunsLowAndEveryAcknowledgedEventIsStored() throws Exception {
		Path home = Temporary.directory("faultline-disk-guard");
		Path data = Files.createDirectories(home.resolve("data"));
		assumeThat(run("mount", "-t", "tmpfs", "-o", "size=96m,mode=0700", "tmpfs", data.toString()))
			.as("mounting a tmpfs needs root")
			.isZero();
		StandaloneFaultline faultline = null;
		try {
			StandaloneFaultline started = StandaloneFaultline.start(home, Map.of("FAULTLINE_DISK_MIN_FREE", "32MB"));
			faultline = started;
			FaultlineApi.Project project = started.api().createProject("faultline", "faultline", "Disk", "java");
			// Leave the guard a few envelopes of room.
			long usable = Files.getFileStore(data).getUsableSpace();
			Path filler = data.resolve("filler");
			try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
				byte[] zeros = new byte[MB];
				for (long written = 0; written < usable - 40L * MB; written += MB) {
					file.write(zeros);
				}
			}

			ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
			AtomicReference<HttpResponse<String>> refusal = new AtomicReference<>();
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService senders = Executors.newFixedThreadPool(4);
			List<Future<Object>> running = List.of(1, 2, 3, 4).stream().map((n) -> senders.submit(() -> {
				for (int i = 0; i < 500 && !stop.get(); i++) {
					String eventId = UUID.randomUUID().toString().replace("-", "");
					HttpResponse<String> response = send(started, project, eventId);
					if (response.statusCode() == 200) {
						acknowledged.add(eventId);
					}
					else if (response.statusCode() == 503) {
						refusal.compareAndSet(null, response);
						stop.set(true);
					}
				}
				return null;
			})).toList();
			for (Future<Object> sender : running) {
				sender.get();
			}
			senders.shutdown();

			assertThat(refusal.get()).as("the guard answered 503").isNotNull();
			assertThat(refusal.get().headers().firstValue("Retry-After")).hasValue("60");
			assertThat(refusal.get().headers().firstValue("X-Sentry-Error")).hasValue("disk_full");
			assertThat(acknowledged).isNotEmpty();

			Files.delete(filler);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
				String eventId = UUID.randomUUID().toString().replace("-", "");
				if (send(started, project, eventId).statusCode() == 200) {
					acknowledged.add(eventId);
					return true;
				}
				return false;
			});

			ReadBack.awaitIssues(started.api(), "faultline", project.slug(), acknowledged.size());
			long stored = started.api()
				.issues("faultline", project.slug(), "")
				.stream()
				.mapToLong((issue) -> Long.parseLong(issue.get("count").asString()))
				.sum();
			assertThat(stored).as("every acknowledged event, once").isEqualTo(acknowledged.size());
		}
		finally {
			if (faultline != null) {
				faultline.close();
			}
			run("umount", data.toString());
		}
	}

	private HttpResponse<String> send(StandaloneFaultline faultline, FaultlineApi.Project project, String eventId)
			throws IOException, InterruptedException {
		String key = project.dsn().substring("http://".length(), project.dsn().indexOf('@'));
		byte[] attachment = new byte[256 * 1024];
		new Random().nextBytes(attachment);
		ByteArrayOutputStream envelope = new ByteArrayOutputStream();
		envelope.writeBytes(("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n{\"event_id\":\"" + eventId
				+ "\",\"platform\":\"java\",\"level\":\"error\",\"message\":\"disk guard\"}\n"
				+ "{\"type\":\"attachment\",\"length\":" + attachment.length + ",\"filename\":\"blob.bin\"}\n")
			.getBytes(StandardCharsets.UTF_8));
		envelope.writeBytes(attachment);
		envelope.write('\n');
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(faultline.url() + "/api/" + project.id() + "/envelope/?sentry_key=" + key))
			.POST(HttpRequest.BodyPublishers.ofByteArray(envelope.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int run(String... command) throws IOException, InterruptedException {
		return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
	}

}
