package dev.faultline.api.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.UserStore;
import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online backup of the embedded data directory taken over HTTP while events and
 * envelopes keep being written: each copy opens with its own adapter and holds what was
 * written before the backup began, the backup directory is owner-only, and only the
 * instance administrator may take one.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + BackupApiIT.TOKEN, "faultline.admin.email=root@example.com" })
class BackupApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "backup-admin-token-0123456789";

	private static final String OTHER_TOKEN = "backup-other-token-0123456789";

	private static final String BACKUPS = "/api/0/internal/backups/";

	@Value("${faultline.data-dir}")
	String dataDirSetting;

	@Autowired
	EnvelopeQueue queue;

	@Autowired
	EventStore events;

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	UserStore users;

	@Test
	void eachCopyOpensAndHoldsWhatWasWrittenBeforeWhileWritesGoOn() throws Exception {
		long organization = this.organizations.create("backup-org", "Backup Org").id();
		long team = this.organizations.createTeam(organization, "core", "Core").id();
		Project project = this.projects.create(organization, team, "shop", "Shop", "java");
		this.events.write(List.of(event(project, "before")));
		this.queue.publish(envelope(project, "before"));

		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger written = new AtomicInteger();
		Thread writer = new Thread(() -> {
			while (writing.get()) {
				int n = written.incrementAndGet();
				this.events.write(List.of(event(project, "during-" + n)));
				this.queue.publish(envelope(project, "during-" + n));
			}
		});
		writer.start();
		JsonNode backup;
		try {
			backup = jsonBody(request("POST", BACKUPS, TOKEN), 201);
		}
		finally {
			writing.set(false);
			writer.join();
		}
		assertThat(written.get()).as("writes went on around the backup").isPositive();
		assertThat(backup.path("files")).extracting((file) -> file.path("name").asString())
			.startsWith("queue.db", "metadata.db", "events.duckdb");
		assertThat(backup.path("files")).allSatisfy((file) -> assertThat(file.path("bytes").asLong()).isPositive());
		Path directory = Path.of(backup.path("directory").asString());
		assertThat(directory).startsWith(Path.of(this.dataDirSetting).toAbsolutePath());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");

		try (SqliteMetadataStores metadata = SqliteMetadataStores.open(directory.resolve("metadata.db"))) {
			assertThat(metadata.organizations().findBySlug("backup-org")).isPresent();
			assertThat(metadata.projects().findById(project.id())).isPresent();
		}
		try (DuckDbEventStorage storage = DuckDbEventStorage.open(directory.resolve("events.duckdb"))) {
			assertThat(storage.eventReader().find(project.id(), eventId("before"))).isPresent();
		}
		try (SqliteEnvelopeQueue copy = new SqliteEnvelopeQueue(directory.resolve("queue.db"), 1_000_000)) {
			EnvelopeConsumer consumer = copy.consumer("backup-check");
			List<QueueRecord> records = consumer.poll(1, Duration.ofSeconds(10));
			assertThat(records).hasSize(1);
			assertThat(new String(records.get(0).envelope().body(), StandardCharsets.UTF_8)).isEqualTo("before");
			consumer.close();
		}
	}

	@Test
	void onlyTheInstanceAdminMayTakeOne() throws Exception {
		if (this.users.findByEmail("member@example.com").isEmpty()) {
			long member = this.users.create("member@example.com", "Member", "x").id();
			this.users.createToken(member, "all", ApiTokens.hash(OTHER_TOKEN), Scopes.ALL);
		}
		assertThat(request("POST", BACKUPS, OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("POST", BACKUPS, null).statusCode()).isEqualTo(401);
	}

	private static StoredEvent event(Project project, String name) {
		Instant now = Instant.now();
		return new StoredEvent(project.id(), eventId(name), 1, now, now, "java", "error", "Boom " + name, "Main.run",
				"boom", null, null, null, null, Map.of(), null, "hash-" + name, "app", "{}");
	}

	/** A 32-hex event id derived from a name. */
	private static String eventId(String name) {
		return String.format("%032x", name.hashCode() & 0xffffffffL);
	}

	private static QueuedEnvelope envelope(Project project, String body) {
		return new QueuedEnvelope(project.id(), "key", Instant.now(), null, null,
				body.getBytes(StandardCharsets.UTF_8));
	}

}
