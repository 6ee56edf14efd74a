package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseProject;
import dev.faultline.storage.release.ReleaseQuery;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrating a database whose projects saw releases on events before V10: each version
 * becomes a release of the organization with the projects that saw it, created when the
 * first of them did, and each issue's first release is the release of its first counted
 * event.
 */
class SqliteReleaseMigrationTest {

	@TempDir
	Path directory;

	@Test
	void releasesSeenBeforeVersion10BecomeReleases() throws SQLException {
		Path file = this.directory.resolve("v9.db");
		SQLiteDataSource dataSource = new SQLiteDataSource(SqliteDatabase.config());
		dataSource.setUrl("jdbc:sqlite:" + file);
		Flyway.configure(getClass().getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration/sqlite")
			.target("9")
			.load()
			.migrate();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO organizations (id, slug, name, date_created) VALUES (1, 'acme', 'Acme', 0)");
			statement.execute("INSERT INTO teams (id, organization_id, slug, name, date_created) "
					+ "VALUES (1, 1, 'core', 'Core', 0)");
			statement.execute("INSERT INTO projects (id, organization_id, team_id, slug, name, platform, date_created, "
					+ "issue_counter) VALUES (1, 1, 1, 'shop', 'Shop', 'java', 0, 1), "
					+ "(2, 1, 1, 'web', 'Web', 'javascript', 0, 0)");
			statement.execute("INSERT INTO issues (id, project_id, short_number, primary_hash, title, culprit, level, "
					+ "type, metadata, status, times_seen, user_count, first_seen, last_seen) VALUES (7, 1, 1, 'h', "
					+ "'Error', '', 'error', 'error', '{}', 'unresolved', 2, 0, 1000, 2000)");
			statement.execute("INSERT INTO issue_events (project_id, event_id, issue_id, primary_hash, seen_at, "
					+ "release_version) VALUES (1, 'e2', 7, 'h', 2000, 'shop@1.1'), (1, 'e1', 7, 'h', 1000, 'shop@1.0')");
			statement.execute("INSERT INTO project_releases (project_id, version, first_seen) VALUES "
					+ "(1, 'shop@1.0', 1500), (1, 'shop@1.1', 2500), (2, 'shop@1.0', 1200)");
		}

		try (MetadataStores stores = SqliteMetadataStores.open(file)) {
			Release first = stores.releases().find(1, "shop@1.0").orElseThrow();
			assertThat(first.projects()).containsExactly(new ReleaseProject(1, 1), new ReleaseProject(2, 0));
			assertThat(first.dateCreated()).isEqualTo(Instant.ofEpochMilli(1200));
			assertThat(first.firstEvent()).isEqualTo(Instant.ofEpochMilli(1200));
			Release second = stores.releases().find(1, "shop@1.1").orElseThrow();
			assertThat(second.projects()).containsExactly(new ReleaseProject(1, 0));
			assertThat(stores.releases().list(new ReleaseQuery(1, List.of(), null, null, 0, 10)))
				.extracting(Release::version)
				.containsExactly("shop@1.1", "shop@1.0");
		}
	}

}
