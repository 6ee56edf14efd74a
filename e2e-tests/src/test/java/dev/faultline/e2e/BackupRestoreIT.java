package dev.faultline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore of the embedded shape end to end: an online backup taken over HTTP
 * while an SDK-like client keeps sending envelopes to the packaged {@code faultline.jar},
 * restored by a second {@code faultline.jar} process started on an empty data directory
 * with {@code faultline.backup.restore-from}. Every envelope answered 200 before the
 * backup was asked for is there after the restore, and every event the restored instance
 * holds is counted once (the queue copy's replay does not count twice what the metadata
 * copy had counted).
 */
class BackupRestoreIT {

	private static final String TOKEN = StandaloneFaultline.TOKEN;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRestoredDirectoryHoldsEveryEventAcknowledgedBeforeTheBackupOnce() throws Exception {
		Path home = Temporary.directory("faultline-restore");
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		List<String> beforeBackup;
		String backupDirectory;
		FaultlineApi.Project project;
		try (StandaloneFaultline original = start(Files.createDirectories(home.resolve("original")), null)) {
			FaultlineApi api = new FaultlineApi(original.url(), TOKEN);
			project = api.createProject("faultline", "faultline", "Restore", "java");
			String ingest = original.url();
			AtomicBoolean sending = new AtomicBoolean(true);
			Thread sender = new Thread(() -> {
				while (sending.get()) {
					String eventId = UUID.randomUUID().toString().replace("-", "");
					if (send(ingest, project, eventId) == 200) {
						acknowledged.add(eventId);
					}
				}
			}, "restore-sender");
			sender.start();
			try {
				await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
				beforeBackup = List.copyOf(acknowledged);
				JsonNode backup = api.send("POST", "/api/0/internal/backups/", Map.of(), 201);
				backupDirectory = backup.path("directory").asString();
				int atBackup = acknowledged.size();
				await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= atBackup + 20);
			}
			finally {
				sending.set(false);
				sender.join();
			}
		}

		try (StandaloneFaultline restored = start(Files.createDirectories(home.resolve("restored")), backupDirectory)) {
			FaultlineApi api = new FaultlineApi(restored.url(), TOKEN);
			ReadBack.awaitIssues(api, "faultline", project.slug(), beforeBackup.size());
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> api.get("/api/0/internal/system/status/?refresh=1")
					.path("queue")
					.path("lag")
					.asLong() == 0);
			String events = "/api/0/projects/faultline/" + project.slug() + "/events/";
			List<String> missing = new ArrayList<>();
			for (String eventId : beforeBackup) {
				if (api.exchange(events + eventId + "/").statusCode() != 200) {
					missing.add(eventId);
				}
			}
			assertThat(missing).as("events acknowledged before the backup, missing after the restore").isEmpty();
			long stored = acknowledged.stream()
				.filter((eventId) -> api.exchange(events + eventId + "/").statusCode() == 200)
				.count();
			long counted = api.issues("faultline", project.slug(), "")
				.stream()
				.mapToLong((issue) -> Long.parseLong(issue.get("count").asString()))
				.sum();
			assertThat(counted).as("every restored event counted once").isEqualTo(stored);
		}
	}

	private static StandaloneFaultline start(Path home, @Nullable String restoreFrom) {
		Map<String, String> environment = new HashMap<>(Map.of("FAULTLINE_ADMIN_TOKEN", TOKEN));
		if (restoreFrom != null) {
			environment.put("FAULTLINE_BACKUP_RESTORE_FROM", restoreFrom);
		}
		return StandaloneFaultline.start(home, environment);
	}

	private int send(String url, FaultlineApi.Project project, String eventId) {
		String key = project.dsn().substring("http://".length(), project.dsn().indexOf('@'));
		String envelope = "{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n{\"event_id\":\"" + eventId
				+ "\",\"platform\":\"java\",\"level\":\"error\",\"message\":\"restored\"}\n";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(url + "/api/" + project.id() + "/envelope/?sentry_key=" + key))
			.POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
