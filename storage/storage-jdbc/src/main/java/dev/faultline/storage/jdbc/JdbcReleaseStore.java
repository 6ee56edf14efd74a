package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.faultline.storage.release.Commit;
import dev.faultline.storage.release.Deploy;
import dev.faultline.storage.release.FileChange;
import dev.faultline.storage.release.NewCommit;
import dev.faultline.storage.release.NewDeploy;
import dev.faultline.storage.release.NewRelease;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseChange;
import dev.faultline.storage.release.ReleaseProject;
import dev.faultline.storage.release.ReleaseQuery;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.release.Repository;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReleaseStore} over {@code releases}, {@code release_projects}, {@code deploys},
 * {@code repositories}, {@code commits}, {@code commit_file_changes} and
 * {@code release_commits} (V10). A release's first event comes from
 * {@code project_releases}, which counting events fills ({@link ReleaseOrder}); the same
 * transaction creates the release through {@link #seenOnEvent}. Each release of a page is
 * completed (projects, last commit, last deploy, authors) by small indexed queries on the
 * page's connection.
 */
final class JdbcReleaseStore implements ReleaseStore {

	private static final String SELECT = "SELECT r.id, r.organization_id, r.version, r.ref, r.url, r.status, "
			+ "r.date_created, r.date_started, r.date_released, "
			+ "(SELECT min(pr.first_seen) FROM project_releases pr JOIN projects p ON p.id = pr.project_id "
			+ "WHERE p.organization_id = r.organization_id AND pr.version = r.version) AS first_event, "
			+ "(SELECT count(*) FROM release_commits rc WHERE rc.release_id = r.id) AS commit_count, "
			+ "(SELECT count(*) FROM deploys d WHERE d.release_id = r.id) AS deploy_count FROM releases r ";

	private static final String SELECT_COMMITS = "SELECT c.id, repo.name AS repository, c.sha, c.message, "
			+ "c.author_name, c.author_email, c.date_created FROM release_commits rc "
			+ "JOIN commits c ON c.id = rc.commit_id JOIN repositories repo ON repo.id = c.repository_id ";

	private static final String SELECT_DEPLOYS = "SELECT id, release_id, environment, name, url, date_started, "
			+ "date_finished FROM deploys ";

	private static final int OPEN = 0;

	private static final int ARCHIVED = 1;

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcReleaseStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Makes {@code version} a release of the project's organization with the project
	 * among its projects; called when the project first counts an event of the version.
	 */
	static void seenOnEvent(Connection connection, long projectId, String version, Instant now) throws SQLException {
		Queries.update(connection,
				"INSERT INTO releases (organization_id, version, status, date_created) "
						+ "SELECT organization_id, ?, ?, ? FROM projects WHERE id = ? "
						+ "ON CONFLICT (organization_id, version) DO NOTHING",
				version, OPEN, now, projectId);
		Queries.update(connection,
				"INSERT INTO release_projects (release_id, project_id) SELECT r.id, p.id FROM projects p "
						+ "JOIN releases r ON r.organization_id = p.organization_id WHERE p.id = ? AND r.version = ? "
						+ "ON CONFLICT (release_id, project_id) DO NOTHING",
				projectId, version);
	}

	@Override
	public Created create(long organizationId, NewRelease release) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			requireProjects(connection, organizationId, release.projectIds());
			Optional<Long> inserted = Queries.first(connection,
					"INSERT INTO releases (organization_id, version, ref, url, status, date_created, date_started, "
							+ "date_released) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
							+ "ON CONFLICT (organization_id, version) DO NOTHING RETURNING id",
					(row) -> row.getLong(1), organizationId, release.version(), release.ref(), release.url(), OPEN, now,
					release.dateStarted(), release.dateReleased());
			long id = inserted.isPresent() ? inserted.get()
					: releaseId(connection, organizationId, release.version()).orElseThrow();
			addProjects(connection, id, release.projectIds());
			return new Created(load(connection, organizationId, release.version()).orElseThrow(), inserted.isPresent());
		});
	}

	@Override
	public Optional<Release> find(long organizationId, String version) {
		return this.database.read((connection) -> load(connection, organizationId, version));
	}

	@Override
	public List<Release> list(ReleaseQuery query) {
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE r.organization_id = ?");
		List<Object> values = new ArrayList<>();
		values.add(query.organizationId());
		if (!query.projectIds().isEmpty()) {
			sql.append(
					" AND EXISTS (SELECT 1 FROM release_projects rp WHERE rp.release_id = r.id AND rp.project_id IN (")
				.append(placeholders(query.projectIds().size()))
				.append("))");
			values.addAll(query.projectIds());
		}
		if (query.versionContains() != null && !query.versionContains().isEmpty()) {
			// lower() folds ASCII alike on both engines; beyond ASCII SQLite leaves case.
			sql.append(" AND lower(r.version) LIKE ? ESCAPE '\\'");
			values.add("%" + likeEscaped(query.versionContains().toLowerCase(Locale.ROOT)) + "%");
		}
		if (query.archived() != null) {
			sql.append(" AND r.status = ?");
			values.add(query.archived() ? ARCHIVED : OPEN);
		}
		sql.append(" ORDER BY r.date_created DESC, r.id DESC LIMIT ? OFFSET ?");
		values.add(query.limit());
		values.add(query.offset());
		return this.database.read((connection) -> {
			List<Release> page = new ArrayList<>();
			for (Row row : Queries.list(connection, sql.toString(), JdbcReleaseStore::row, values.toArray())) {
				page.add(complete(connection, row));
			}
			return page;
		});
	}

	@Override
	public Optional<Release> update(long organizationId, String version, ReleaseChange change) {
		return this.database.write((connection) -> {
			Optional<Long> id = releaseId(connection, organizationId, version);
			if (id.isEmpty()) {
				return Optional.empty();
			}
			requireProjects(connection, organizationId, change.addProjectIds());
			List<String> assignments = new ArrayList<>();
			List<Object> values = new ArrayList<>();
			if (change.ref() != null) {
				assignments.add("ref = ?");
				values.add(change.ref());
			}
			if (change.url() != null) {
				assignments.add("url = ?");
				values.add(change.url());
			}
			if (change.dateReleased() != null) {
				assignments.add("date_released = ?");
				values.add(change.dateReleased());
			}
			if (change.archived() != null) {
				assignments.add("status = ?");
				values.add(change.archived() ? ARCHIVED : OPEN);
			}
			if (!assignments.isEmpty()) {
				values.add(id.get());
				Queries.update(connection, "UPDATE releases SET " + String.join(", ", assignments) + " WHERE id = ?",
						values.toArray());
			}
			addProjects(connection, id.get(), change.addProjectIds());
			return load(connection, organizationId, version);
		});
	}

	@Override
	public boolean delete(long organizationId, String version) {
		return this.database.write((connection) -> {
			Queries.update(connection,
					"DELETE FROM project_releases WHERE version = ? "
							+ "AND project_id IN (SELECT id FROM projects WHERE organization_id = ?)",
					version, organizationId);
			return Queries.update(connection, "DELETE FROM releases WHERE organization_id = ? AND version = ?",
					organizationId, version) > 0;
		});
	}

	@Override
	public Optional<Release> previousWithCommits(long organizationId, long releaseId) {
		return this.database.read((connection) -> {
			Optional<Row> row = Queries.first(connection,
					SELECT + "JOIN releases current ON current.id = ? "
							+ "AND current.organization_id = r.organization_id WHERE r.organization_id = ? "
							+ "AND (r.date_created < current.date_created "
							+ "OR (r.date_created = current.date_created AND r.id < current.id)) "
							+ "AND EXISTS (SELECT 1 FROM release_commits rc WHERE rc.release_id = r.id) "
							+ "AND EXISTS (SELECT 1 FROM release_projects mine JOIN release_projects theirs "
							+ "ON theirs.project_id = mine.project_id WHERE mine.release_id = current.id "
							+ "AND theirs.release_id = r.id) ORDER BY r.date_created DESC, r.id DESC LIMIT 1",
					JdbcReleaseStore::row, releaseId, organizationId);
			return row.isPresent() ? Optional.of(complete(connection, row.get())) : Optional.empty();
		});
	}

	@Override
	public Deploy addDeploy(long releaseId, NewDeploy deploy) {
		Instant finished = (deploy.dateFinished() != null) ? deploy.dateFinished() : Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO deploys (release_id, environment, name, url, date_started, date_finished) "
						+ "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
				"deploy not recorded", releaseId, deploy.environment(), deploy.name(), deploy.url(),
				deploy.dateStarted(), finished));
		// As stored: epoch milliseconds.
		Instant started = (deploy.dateStarted() != null) ? deploy.dateStarted().truncatedTo(ChronoUnit.MILLIS) : null;
		return new Deploy(id, releaseId, deploy.environment(), deploy.name(), deploy.url(), started,
				finished.truncatedTo(ChronoUnit.MILLIS));
	}

	@Override
	public List<Deploy> deploys(long releaseId) {
		return this.database.read((connection) -> Queries.list(connection,
				SELECT_DEPLOYS + "WHERE release_id = ? ORDER BY date_finished DESC, id DESC", JdbcReleaseStore::deploy,
				releaseId));
	}

	@Override
	public Repository addRepository(long organizationId, String name, @Nullable String url, String provider) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO repositories (organization_id, name, url, provider, date_created) VALUES (?, ?, ?, ?, ?) "
						+ "ON CONFLICT (organization_id, name) DO NOTHING RETURNING id",
				"a repository of that name exists: " + name, organizationId, name, url, provider, now));
		return new Repository(id, organizationId, name, url, provider, now);
	}

	@Override
	public List<Repository> repositories(long organizationId) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT id, organization_id, name, url, provider, date_created FROM repositories "
						+ "WHERE organization_id = ? ORDER BY name, id",
				(row) -> new Repository(row.getLong("id"), row.getLong("organization_id"), row.getString("name"),
						row.getString("url"), row.getString("provider"), Columns.instant(row, "date_created")),
				organizationId));
	}

	@Override
	public void setCommits(long organizationId, long releaseId, List<NewCommit> commits) {
		Instant now = Columns.now(this.clock);
		this.database.write((connection) -> {
			if (Queries
				.first(connection, "SELECT id FROM releases WHERE id = ? AND organization_id = ?",
						(row) -> row.getLong(1), releaseId, organizationId)
				.isEmpty()) {
				throw new IllegalArgumentException("release " + releaseId + " is not the organization's");
			}
			Queries.update(connection, "DELETE FROM release_commits WHERE release_id = ?", releaseId);
			Map<String, Long> repositories = new LinkedHashMap<>();
			Set<Long> listed = new HashSet<>();
			int ordinal = 0;
			for (NewCommit commit : commits) {
				Long repositoryId = repositories.get(commit.repository());
				if (repositoryId == null) {
					repositoryId = repositoryId(connection, organizationId, commit.repository(), now);
					repositories.put(commit.repository(), repositoryId);
				}
				long commitId = upsertCommit(connection, repositoryId, commit);
				if (listed.add(commitId)) {
					Queries.update(connection,
							"INSERT INTO release_commits (release_id, commit_id, ordinal) VALUES (?, ?, ?)", releaseId,
							commitId, ordinal++);
				}
			}
			return null;
		});
	}

	@Override
	public List<Commit> commits(long releaseId) {
		return this.database.read((connection) -> {
			Map<Long, List<FileChange>> files = new LinkedHashMap<>();
			for (var change : Queries.list(connection,
					"SELECT f.commit_id, f.filename, f.type FROM release_commits rc "
							+ "JOIN commit_file_changes f ON f.commit_id = rc.commit_id WHERE rc.release_id = ? "
							+ "ORDER BY f.filename",
					(row) -> Map.entry(row.getLong(1), new FileChange(row.getString(2), row.getString(3))),
					releaseId)) {
				files.computeIfAbsent(change.getKey(), (id) -> new ArrayList<>()).add(change.getValue());
			}
			return Queries.list(connection, SELECT_COMMITS + "WHERE rc.release_id = ? ORDER BY rc.ordinal",
					(row) -> commit(row, files.getOrDefault(row.getLong("id"), List.of())), releaseId);
		});
	}

	// ---- rows
	// ----------------------------------------------------------------------------

	/** A release row before its page query completes it. */
	private record Row(long id, long organizationId, String version, @Nullable String ref, @Nullable String url,
			boolean archived, Instant dateCreated, @Nullable Instant dateStarted, @Nullable Instant dateReleased,
			@Nullable Instant firstEvent, int commitCount, int deployCount) {

	}

	private static Row row(ResultSet row) throws SQLException {
		return new Row(row.getLong("id"), row.getLong("organization_id"), row.getString("version"),
				row.getString("ref"), row.getString("url"), row.getInt("status") == ARCHIVED,
				Columns.instant(row, "date_created"), Columns.nullableInstant(row, "date_started"),
				Columns.nullableInstant(row, "date_released"), Columns.nullableInstant(row, "first_event"),
				row.getInt("commit_count"), row.getInt("deploy_count"));
	}

	private static Optional<Release> load(Connection connection, long organizationId, String version)
			throws SQLException {
		Optional<Row> row = Queries.first(connection, SELECT + "WHERE r.organization_id = ? AND r.version = ?",
				JdbcReleaseStore::row, organizationId, version);
		return row.isPresent() ? Optional.of(complete(connection, row.get())) : Optional.empty();
	}

	private static Release complete(Connection connection, Row row) throws SQLException {
		List<ReleaseProject> projects = Queries.list(connection,
				"SELECT rp.project_id, (SELECT count(*) FROM issues i WHERE i.project_id = rp.project_id "
						+ "AND i.first_release = ?) AS new_groups FROM release_projects rp WHERE rp.release_id = ? "
						+ "ORDER BY rp.project_id",
				(result) -> new ReleaseProject(result.getLong(1), result.getInt(2)), row.version(), row.id());
		Commit lastCommit = Queries
			.first(connection, SELECT_COMMITS + "WHERE rc.release_id = ? ORDER BY rc.ordinal LIMIT 1",
					(result) -> commit(result, List.of()), row.id())
			.orElse(null);
		Deploy lastDeploy = Queries
			.first(connection, SELECT_DEPLOYS + "WHERE release_id = ? ORDER BY date_finished DESC, id DESC LIMIT 1",
					JdbcReleaseStore::deploy, row.id())
			.orElse(null);
		List<String> authors = Queries.list(connection,
				"SELECT DISTINCT c.author_email FROM release_commits rc JOIN commits c ON c.id = rc.commit_id "
						+ "WHERE rc.release_id = ? AND c.author_email IS NOT NULL ORDER BY c.author_email",
				(result) -> result.getString(1), row.id());
		return new Release(row.id(), row.organizationId(), row.version(), row.ref(), row.url(), row.archived(),
				row.dateCreated(), row.dateStarted(), row.dateReleased(), row.firstEvent(), projects, row.commitCount(),
				lastCommit, row.deployCount(), lastDeploy, authors);
	}

	private static Commit commit(ResultSet row, List<FileChange> files) throws SQLException {
		return new Commit(row.getLong("id"), row.getString("repository"), row.getString("sha"),
				row.getString("message"), row.getString("author_name"), row.getString("author_email"),
				Columns.nullableInstant(row, "date_created"), files);
	}

	private static Deploy deploy(ResultSet row) throws SQLException {
		return new Deploy(row.getLong("id"), row.getLong("release_id"), row.getString("environment"),
				row.getString("name"), row.getString("url"), Columns.nullableInstant(row, "date_started"),
				Columns.instant(row, "date_finished"));
	}

	// ---- writes
	// --------------------------------------------------------------------------

	private static Optional<Long> releaseId(Connection connection, long organizationId, String version)
			throws SQLException {
		return Queries.first(connection, "SELECT id FROM releases WHERE organization_id = ? AND version = ?",
				(row) -> row.getLong(1), organizationId, version);
	}

	private static void requireProjects(Connection connection, long organizationId, List<Long> projectIds)
			throws SQLException {
		Set<Long> distinct = new HashSet<>(projectIds);
		if (distinct.isEmpty()) {
			return;
		}
		long found = Queries
			.first(connection,
					"SELECT count(*) FROM projects WHERE organization_id = ? AND id IN ("
							+ placeholders(distinct.size()) + ")",
					(row) -> row.getLong(1), concat(organizationId, distinct))
			.orElse(0L);
		if (found != distinct.size()) {
			throw new IllegalArgumentException("a project of the release is not the organization's");
		}
	}

	private static void addProjects(Connection connection, long releaseId, List<Long> projectIds) throws SQLException {
		for (long projectId : projectIds) {
			Queries.update(connection, "INSERT INTO release_projects (release_id, project_id) VALUES (?, ?) "
					+ "ON CONFLICT (release_id, project_id) DO NOTHING", releaseId, projectId);
		}
	}

	private static long repositoryId(Connection connection, long organizationId, String name, Instant now)
			throws SQLException {
		Queries.update(connection,
				"INSERT INTO repositories (organization_id, name, url, provider, date_created) "
						+ "VALUES (?, ?, NULL, ?, ?) ON CONFLICT (organization_id, name) DO NOTHING",
				organizationId, name, Repository.UNKNOWN_PROVIDER, now);
		return Queries
			.first(connection, "SELECT id FROM repositories WHERE organization_id = ? AND name = ?",
					(row) -> row.getLong(1), organizationId, name)
			.orElseThrow();
	}

	private static long upsertCommit(Connection connection, long repositoryId, NewCommit commit) throws SQLException {
		long id = Queries
			.first(connection,
					"INSERT INTO commits (repository_id, sha, message, author_name, author_email, date_created) "
							+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (repository_id, sha) DO UPDATE SET "
							+ "message = COALESCE(excluded.message, commits.message), "
							+ "author_name = COALESCE(excluded.author_name, commits.author_name), "
							+ "author_email = COALESCE(excluded.author_email, commits.author_email), "
							+ "date_created = COALESCE(excluded.date_created, commits.date_created) RETURNING id",
					(row) -> row.getLong(1), repositoryId, commit.sha(), commit.message(), commit.authorName(),
					commit.authorEmail(), commit.dateCreated())
			.orElseThrow();
		for (FileChange file : commit.files()) {
			Queries.update(connection,
					"INSERT INTO commit_file_changes (commit_id, filename, type) VALUES (?, ?, ?) "
							+ "ON CONFLICT (commit_id, filename) DO UPDATE SET type = excluded.type",
					id, file.path(), file.type());
		}
		return id;
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static Object[] concat(Object first, Set<Long> rest) {
		List<Object> values = new ArrayList<>(rest.size() + 1);
		values.add(first);
		values.addAll(rest);
		return values.toArray();
	}

	/** Escapes LIKE's wildcards and the escape character itself. */
	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
