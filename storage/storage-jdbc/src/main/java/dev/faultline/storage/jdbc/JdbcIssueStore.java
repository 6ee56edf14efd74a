package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IssueStore} over the {@code issues}, {@code issue_events} and
 * {@code issue_users} tables.
 *
 * <p>
 * Concurrency relies only on row locks and unique keys, which both engines provide under
 * their default isolation (PostgreSQL's READ COMMITTED; SQLite's single writer):
 * <ul>
 * <li>{@link #findOrCreate} first increments the project's {@code issue_counter}, which
 * locks the project row until commit, then inserts with
 * {@code ON CONFLICT (project_id, primary_hash) DO NOTHING}. A creator that lost the race
 * finds no row returned, rolls back (so its short number is not consumed: numbers stay
 * gapless) and reads the winner's issue.</li>
 * <li>{@link #recordOccurrence} inserts {@code (project_id, event_id)} into
 * {@code issue_events} and the user key into {@code issue_users} with
 * {@code ON CONFLICT DO NOTHING} in the same transaction as the counter update, so a
 * replayed event counts nothing and a second writer of the same event waits for the first
 * and then counts nothing.</li>
 * </ul>
 * The issue metadata map is stored as a JSON object in a text column.
 */
final class JdbcIssueStore implements IssueStore {

	private static final String COLUMNS = "id, project_id, short_number, primary_hash, title, culprit, level, type, "
			+ "metadata, status, times_seen, user_count, first_seen, last_seen";

	private static final String ISSUE = "SELECT " + COLUMNS + " FROM issues ";

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private final JdbcDatabase database;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcIssueStore(JdbcDatabase database) {
		this(database, Clock.systemUTC());
	}

	/**
	 * @param clock stamps status-change activities
	 */
	JdbcIssueStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Issue findOrCreate(NewIssue candidate) {
		// Most events belong to an existing issue: answer those without taking a write
		// lock.
		Optional<Issue> existing = this.database.read((connection) -> find(connection, candidate));
		if (existing.isPresent()) {
			return existing.get();
		}
		return this.database.write((connection) -> {
			Optional<Issue> created = find(connection, candidate);
			if (created.isPresent()) {
				return created.get();
			}
			long shortNumber = Queries
				.first(connection,
						"UPDATE projects SET issue_counter = issue_counter + 1 WHERE id = ? "
								+ "RETURNING issue_counter",
						(row) -> row.getLong(1), candidate.projectId())
				.orElseThrow(() -> new IllegalArgumentException("no project " + candidate.projectId()));
			Optional<Long> id = Queries.first(connection,
					"INSERT INTO issues (project_id, short_number, "
							+ "primary_hash, title, culprit, level, type, metadata, status, times_seen, user_count, "
							+ "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) "
							+ "ON CONFLICT (project_id, primary_hash) DO NOTHING RETURNING id",
					(row) -> row.getLong(1), candidate.projectId(), shortNumber, candidate.primaryHash(),
					candidate.title(), candidate.culprit(), candidate.level(), candidate.type(),
					this.json.writeValueAsString(new TreeMap<>(candidate.metadata())), IssueStatus.UNRESOLVED.apiName(),
					candidate.seenAt(), candidate.seenAt());
			if (id.isEmpty()) {
				connection.rollback();
				return find(connection, candidate)
					.orElseThrow(() -> new IllegalStateException("issue vanished after a conflicting insert"));
			}
			addActivity(connection, id.get(), IssueActivity.FIRST_SEEN, Map.of(), candidate.seenAt());
			return find(connection, candidate).orElseThrow();
		});
	}

	@Override
	public boolean recordOccurrence(EventOccurrence occurrence) {
		return this.database.write((connection) -> record(connection, occurrence));
	}

	@Override
	public int recordOccurrences(List<EventOccurrence> occurrences) {
		if (occurrences.isEmpty()) {
			return 0;
		}
		// One transaction for the whole batch: a commit (an fsync on SQLite) per event
		// was what bounded processing.
		return this.database.write((connection) -> {
			int recorded = 0;
			for (EventOccurrence occurrence : occurrences) {
				if (record(connection, occurrence)) {
					recorded++;
				}
			}
			return recorded;
		});
	}

	private boolean record(Connection connection, EventOccurrence occurrence) throws SQLException {
		long at = occurrence.timestamp().toEpochMilli();
		// Selecting the issue id scoped by project makes an occurrence for another
		// project's issue insert nothing instead of failing on the foreign key.
		int inserted = Queries.update(connection,
				"INSERT INTO issue_events (project_id, event_id, issue_id) "
						+ "SELECT project_id, ?, id FROM issues WHERE id = ? AND project_id = ? "
						+ "ON CONFLICT (project_id, event_id) DO NOTHING",
				occurrence.eventId(), occurrence.issueId(), occurrence.projectId());
		if (inserted == 0) {
			if (!exists(connection, occurrence.issueId(), occurrence.projectId())) {
				throw new IllegalArgumentException(
						"no issue " + occurrence.issueId() + " in project " + occurrence.projectId());
			}
			return false;
		}
		int newUsers = 0;
		if (occurrence.userKey() != null) {
			newUsers = Queries.update(connection,
					"INSERT INTO issue_users (issue_id, user_key) VALUES (?, ?) "
							+ "ON CONFLICT (issue_id, user_key) DO NOTHING",
					occurrence.issueId(), occurrence.userKey());
		}
		// CASE rather than LEAST/MIN: SQLite and PostgreSQL spell those differently.
		Queries.update(connection,
				"UPDATE issues SET times_seen = times_seen + 1, user_count = user_count + ?, "
						+ "first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
						+ "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE id = ?",
				(long) newUsers, at, at, at, at, occurrence.issueId());
		// The regression belongs to the transaction that counts the event, so a
		// replayed event can never reopen an issue resolved after it was counted.
		int reopened = Queries.update(connection, "UPDATE issues SET status = ? WHERE id = ? AND status = ?",
				IssueStatus.UNRESOLVED.apiName(), occurrence.issueId(), IssueStatus.RESOLVED.apiName());
		if (reopened > 0) {
			addActivity(connection, occurrence.issueId(), IssueActivity.SET_REGRESSION,
					Map.of("event_id", occurrence.eventId()), occurrence.timestamp());
		}
		return true;
	}

	@Override
	public Optional<Issue> findById(long id) {
		return this.database.read((connection) -> Queries.first(connection, ISSUE + "WHERE id = ?", this::issue, id));
	}

	@Override
	public List<Issue> list(long projectId, IssueQuery query) {
		return listForProjects(List.of(projectId), query);
	}

	@Override
	public List<Issue> listForProjects(Collection<Long> projectIds, IssueQuery query) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		String order = switch (query.sort()) {
			case DATE -> "last_seen";
			case NEW -> "first_seen";
			case FREQ -> "times_seen";
			case USER -> "user_count";
		};
		// One bound placeholder per project: the ids are values, never SQL text.
		String projects = (projectIds.size() == 1) ? "project_id = ?"
				: "project_id IN (" + String.join(", ", Collections.nCopies(projectIds.size(), "?")) + ")";
		String sql = ISSUE + "WHERE " + projects + ((query.status() != null) ? " AND status = ?" : "") + " ORDER BY "
				+ order + " DESC, id DESC LIMIT ? OFFSET ?";
		List<Object> values = new ArrayList<>(projectIds);
		if (query.status() != null) {
			values.add(query.status().apiName());
		}
		values.add(query.limit());
		values.add(query.offset());
		return this.database.read((connection) -> Queries.list(connection, sql, this::issue, values.toArray()));
	}

	@Override
	public Optional<Issue> updateStatus(long id, IssueStatus status) {
		return this.database.write((connection) -> {
			Optional<Issue> updated = Queries.first(connection,
					"UPDATE issues SET status = ? WHERE id = ? AND status <> ? RETURNING " + COLUMNS, this::issue,
					status.apiName(), id, status.apiName());
			if (updated.isPresent()) {
				addActivity(connection, id, IssueActivity.statusChange(status), Map.of(), Columns.now(this.clock));
				return updated;
			}
			return Queries.first(connection, ISSUE + "WHERE id = ?", this::issue, id);
		});
	}

	@Override
	public List<IssueActivity> activities(long issueId) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT id, issue_id, type, data, created_at FROM issue_activities WHERE issue_id = ? ORDER BY id",
				(row) -> new IssueActivity(row.getLong("id"), row.getLong("issue_id"), row.getString("type"),
						this.json.readValue(row.getString("data"), STRING_MAP), Columns.instant(row, "created_at")),
				issueId));
	}

	private void addActivity(Connection connection, long issueId, String type, Map<String, String> data, Instant at)
			throws SQLException {
		Queries.update(connection,
				"INSERT INTO issue_activities (issue_id, type, data, created_at) VALUES (?, ?, ?, ?)", issueId, type,
				this.json.writeValueAsString(new TreeMap<>(data)), at);
	}

	private Optional<Issue> find(Connection connection, NewIssue candidate) throws SQLException {
		return Queries.first(connection, ISSUE + "WHERE project_id = ? AND primary_hash = ?", this::issue,
				candidate.projectId(), candidate.primaryHash());
	}

	private static boolean exists(Connection connection, long issueId, long projectId) throws SQLException {
		return Queries
			.first(connection, "SELECT id FROM issues WHERE id = ? AND project_id = ?", (row) -> row.getLong(1),
					issueId, projectId)
			.isPresent();
	}

	private Issue issue(ResultSet row) throws SQLException {
		return new Issue(row.getLong("id"), row.getLong("project_id"), row.getLong("short_number"),
				row.getString("primary_hash"), row.getString("title"), row.getString("culprit"), row.getString("level"),
				row.getString("type"), this.json.readValue(row.getString("metadata"), STRING_MAP),
				IssueStatus.fromApiName(row.getString("status")), row.getLong("times_seen"), row.getLong("user_count"),
				Columns.instant(row, "first_seen"), Columns.instant(row, "last_seen"));
	}

}
