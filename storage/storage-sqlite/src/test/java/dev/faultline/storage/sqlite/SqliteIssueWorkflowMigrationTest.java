package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueHash;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.StatusDetails;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrating a database with issues counted before the issue workflow (V5) to V6: every
 * existing issue owns its primary hash, its counted events keep counting exactly once,
 * and new issues get ids that were never used.
 */
class SqliteIssueWorkflowMigrationTest {

	private static final String HASH = "a".repeat(32);

	@TempDir
	Path directory;

	@Test
	void issuesOfAVersion5DatabaseKeepTheirHashesAndCounts() throws SQLException {
		Path file = this.directory.resolve("v5.db");
		SQLiteDataSource dataSource = new SQLiteDataSource(SqliteDatabase.config());
		dataSource.setUrl("jdbc:sqlite:" + file);
		Flyway.configure(getClass().getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration/sqlite")
			.target("5")
			.load()
			.migrate();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO organizations (id, slug, name, date_created) VALUES (1, 'acme', 'Acme', 0)");
			statement.execute("INSERT INTO teams (id, organization_id, slug, name, date_created) "
					+ "VALUES (1, 1, 'core', 'Core', 0)");
			statement.execute("INSERT INTO projects (id, organization_id, team_id, slug, name, platform, date_created, "
					+ "issue_counter) VALUES (1, 1, 1, 'shop', 'Shop', 'java', 0, 1)");
			statement.execute("INSERT INTO issues (id, project_id, short_number, primary_hash, title, culprit, level, "
					+ "type, metadata, status, times_seen, user_count, first_seen, last_seen) VALUES (7, 1, 1, '" + HASH
					+ "', 'Error', '', 'error', 'error', '{}', 'resolved', 2, 1, 1000, 2000)");
			statement.execute(
					"INSERT INTO issue_events (project_id, event_id, issue_id) VALUES (1, 'e1', 7), " + "(1, 'e2', 7)");
			statement.execute("INSERT INTO issue_users (issue_id, user_key) VALUES (7, 'id:1')");
		}

		try (MetadataStores stores = SqliteMetadataStores.open(file)) {
			Issue issue = stores.issues()
				.findOrCreate(new NewIssue(1, HASH, "Error", "", "error", "error", Map.of(), Instant.EPOCH))
				.orElseThrow();
			assertThat(issue.id()).isEqualTo(7);
			assertThat(issue.statusDetails()).isEqualTo(StatusDetails.NONE);
			assertThat(issue.assignee()).isNull();
			assertThat(stores.issues().hashes(7)).containsExactly(new IssueHash(HASH, 2, "e2"));
			assertThat(stores.issues()
				.recordOccurrence(new EventOccurrence(7, 1, "e2", Instant.EPOCH, "error", null, HASH, null))).isFalse();
			assertThat(stores.issues()
				.recordOccurrence(
						new EventOccurrence(7, 1, "e3", Instant.ofEpochMilli(3000), "error", "id:2", HASH, null)))
				.isTrue();
			Issue regressed = stores.issues().findById(7).orElseThrow();
			assertThat(regressed.status()).isEqualTo(IssueStatus.UNRESOLVED);
			assertThat(regressed.timesSeen()).isEqualTo(3);
			assertThat(regressed.userCount()).isEqualTo(2);
			Issue next = stores.issues()
				.findOrCreate(new NewIssue(1, "b".repeat(32), "Other", "", "error", "error", Map.of(), Instant.EPOCH))
				.orElseThrow();
			assertThat(next.id()).isEqualTo(8);
			assertThat(next.shortNumber()).isEqualTo(2);
		}
	}

}
