package dev.faultline.storage.tck.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade contract of the metadata port: a database created at the oldest schema
 * (migration V1 only), holding rows written with that schema's plain SQL, is migrated by
 * the adapter to its newest schema — every migration present, whichever those are — and
 * every row reads back through the stores, with the exactly-once ledger and the issue
 * counters still in force.
 *
 * <p>
 * The SQL below is V1's and must stay so: it is what a database of the first release
 * holds. Rows are inserted without ids (as the stores did), so identity sequences stay in
 * step.
 */
public abstract class MetadataUpgradeContract {

	private static final String HASH = "a".repeat(32);

	private static final Instant SEEN = Instant.parse("2025-01-02T03:04:05Z");

	/**
	 * A fresh database migrated to V1 only, and a connection to it (closed by the
	 * contract).
	 */
	protected abstract Connection oldestSchema() throws SQLException;

	/**
	 * Opens the adapter on the database {@link #oldestSchema()} made, which migrates it
	 * to the newest schema.
	 */
	protected abstract MetadataStores openMigrated();

	@Test
	void rowsOfTheOldestSchemaReadBackThroughTheStoresOfTheNewest() throws SQLException {
		try (Connection connection = oldestSchema(); Statement statement = connection.createStatement()) {
			long millis = SEEN.toEpochMilli();
			statement.execute(
					"INSERT INTO organizations (slug, name, date_created) VALUES ('acme', 'Acme', " + millis + ")");
			statement.execute("INSERT INTO users (email, email_key, name, password_hash, date_created) "
					+ "VALUES ('Ada@Example.com', 'ada@example.com', 'Ada', 'hash', " + millis + ")");
			statement.execute("INSERT INTO api_tokens (user_id, name, token_hash, scopes, date_created) "
					+ "SELECT id, 'cli', 'token-hash', 'project:read org:read', " + millis + " FROM users");
			statement.execute("INSERT INTO organization_members (organization_id, user_id, role, date_created) "
					+ "SELECT o.id, u.id, 'owner', " + millis + " FROM organizations o, users u");
			statement.execute("INSERT INTO teams (organization_id, slug, name, date_created) "
					+ "SELECT id, 'core', 'Core', " + millis + " FROM organizations");
			statement.execute("INSERT INTO projects (organization_id, team_id, slug, name, platform, date_created, "
					+ "issue_counter) SELECT organization_id, id, 'shop', 'Shop', 'java', " + millis
					+ ", 1 FROM teams");
			statement.execute("INSERT INTO project_keys (project_id, public_key, secret_key, label, active, "
					+ "date_created) SELECT id, 'publickey0123456789abcdef0123456', 'secret', 'Default', TRUE, "
					+ millis + " FROM projects");
			statement.execute("INSERT INTO issues (project_id, short_number, primary_hash, title, culprit, level, "
					+ "type, metadata, status, times_seen, user_count, first_seen, last_seen) SELECT id, 1, '" + HASH
					+ "', 'IllegalStateException: boom', 'Main.run', 'error', 'error', '{}', 'resolved', 2, 1, "
					+ millis + ", " + (millis + 1000) + " FROM projects");
			statement.execute("INSERT INTO issue_events (project_id, event_id, issue_id) "
					+ "SELECT project_id, 'event-1', id FROM issues");
			statement.execute("INSERT INTO issue_events (project_id, event_id, issue_id) "
					+ "SELECT project_id, 'event-2', id FROM issues");
			statement.execute("INSERT INTO issue_users (issue_id, user_key) SELECT id, 'id:1' FROM issues");
		}

		try (MetadataStores stores = openMigrated()) {
			Organization organization = stores.organizations().findBySlug("acme").orElseThrow();
			assertThat(organization.name()).isEqualTo("Acme");
			User user = stores.users().findByEmail("ADA@example.com").orElseThrow();
			assertThat(user.name()).isEqualTo("Ada");
			assertThat(stores.users().findTokenByHash("token-hash").orElseThrow().scopes())
				.containsExactlyInAnyOrder("project:read", "org:read");
			assertThat(stores.organizations().findMemberRole(organization.id(), user.id())).hasValue("owner");
			assertThat(stores.organizations().findTeam(organization.id(), "core")).isPresent();
			Project project = stores.projects().findBySlug(organization.id(), "shop").orElseThrow();
			ProjectKey key = stores.projects().findKeyByPublicKey("publickey0123456789abcdef0123456").orElseThrow();
			assertThat(key.projectId()).isEqualTo(project.id());
			assertThat(key.active()).isTrue();

			Issue issue = stores.issues().list(project.id(), allIssues()).get(0);
			assertThat(issue.title()).isEqualTo("IllegalStateException: boom");
			assertThat(issue.status()).isEqualTo(IssueStatus.RESOLVED);
			assertThat(issue.timesSeen()).isEqualTo(2);
			assertThat(issue.firstSeen()).isEqualTo(SEEN);
			// The same hash finds the old issue; the ledger keeps counted events counted
			// once; a new event counts and regresses the resolved issue.
			assertThat(stores.issues()
				.findOrCreate(new NewIssue(project.id(), HASH, "t", "c", "error", "error", Map.of(), SEEN))
				.orElseThrow()
				.id()).isEqualTo(issue.id());
			assertThat(stores.issues()
				.recordOccurrence(
						new EventOccurrence(issue.id(), project.id(), "event-2", SEEN, "error", null, HASH, null)))
				.isFalse();
			assertThat(stores.issues()
				.recordOccurrence(new EventOccurrence(issue.id(), project.id(), "event-3", SEEN.plusSeconds(5), "error",
						"id:2", HASH, null)))
				.isTrue();
			Issue counted = stores.issues().findById(issue.id()).orElseThrow();
			assertThat(counted.timesSeen()).isEqualTo(3);
			assertThat(counted.userCount()).isEqualTo(2);
			assertThat(counted.status()).isEqualTo(IssueStatus.UNRESOLVED);
			// New rows get fresh ids and the next short number.
			Issue next = stores.issues()
				.findOrCreate(new NewIssue(project.id(), "b".repeat(32), "Other", "", "error", "error", Map.of(), SEEN))
				.orElseThrow();
			assertThat(next.id()).isNotEqualTo(issue.id());
			assertThat(next.shortNumber()).isEqualTo(2);
			assertThat(stores.projects().create(organization.id(), project.teamId(), "web", "Web", "javascript").id())
				.isNotEqualTo(project.id());
		}
	}

	private static IssueQuery allIssues() {
		return new IssueQuery(List.of(), IssueSort.DATE, 0, 10);
	}

}
