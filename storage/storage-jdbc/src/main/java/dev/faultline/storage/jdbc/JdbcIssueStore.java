package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueHash;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MergeResult;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.Tombstone;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IssueStore} over the {@code issues} table and the tables around it
 * ({@code issue_hashes}, {@code issue_events}, {@code issue_users},
 * {@code issue_activities}, bookmarks, subscriptions, redirects, tombstones). Status
 * rules live in {@link IssueStatusRules}, merging in {@link IssueMerges}, list criteria
 * in {@link IssueCriteriaSql}.
 *
 * <p>
 * Concurrency relies only on row locks and unique keys, which both engines provide under
 * their default isolation (PostgreSQL's READ COMMITTED; SQLite's single writer):
 * <ul>
 * <li>{@link #findOrCreate} looks the hash up in {@code issue_hashes} (the authority for
 * grouping) and the tombstones without a write lock. Only a new hash takes a write
 * transaction: it increments the project's {@code issue_counter}, which locks the project
 * row until commit, then inserts the issue with
 * {@code ON CONFLICT (project_id, primary_hash) DO NOTHING} and its hash with
 * {@code ON CONFLICT (project_id, hash) DO NOTHING}. A creator that lost the race finds
 * no row returned, rolls back (so its short number is not consumed: numbers stay gapless)
 * and reads the winner's issue.</li>
 * <li>{@link #recordOccurrence} inserts {@code (project_id, event_id)} into
 * {@code issue_events} and the user key into {@code issue_users} with
 * {@code ON CONFLICT DO NOTHING} in the same transaction as the counter update and the
 * status rules, so a replayed event counts nothing and a second writer of the same event
 * waits for the first and then counts nothing.</li>
 * </ul>
 * An occurrence names the issue {@code findOrCreate} returned, which a merge or delete
 * may have removed since: a merged-away id counts against the issue it redirects to, a
 * deleted (or discarded) one counts nothing and returns false, so that a batch in flight
 * never fails. Only an id that never existed in the project is refused with
 * {@link IllegalArgumentException}.
 * <p>
 * On SQLite, ids come from the rowid: deleting the issue with the highest id lets the
 * next new issue reuse that id (PostgreSQL identities never repeat).
 */
final class JdbcIssueStore implements IssueStore {

	private final JdbcDatabase database;

	private final Clock clock;

	private final IssueRows rows;

	private final IssueActivities activities;

	private final IssueStatusRules statusRules;

	private final IssueMerges merges;

	JdbcIssueStore(JdbcDatabase database) {
		this(database, Clock.systemUTC());
	}

	/**
	 * @param clock stamps activities, status changes and the first sighting of releases
	 */
	JdbcIssueStore(JdbcDatabase database, Clock clock) {
		JsonMapper json = JsonMapper.builder().build();
		this.database = database;
		this.clock = clock;
		this.rows = new IssueRows(json);
		this.activities = new IssueActivities(json);
		this.statusRules = new IssueStatusRules(this.rows, this.activities, clock);
		this.merges = new IssueMerges(this.rows, this.activities, clock, json);
	}

	@Override
	public Optional<Issue> findOrCreate(NewIssue candidate) {
		// Most events belong to an existing issue: answer those without taking a write
		// lock.
		Optional<Optional<Issue>> existing = this.database.read((connection) -> lookUp(connection, candidate));
		if (existing.isPresent()) {
			return existing.get();
		}
		return this.database.write((connection) -> {
			Optional<Optional<Issue>> found = lookUp(connection, candidate);
			if (found.isPresent()) {
				return found.get();
			}
			Optional<Long> id = NewIssueRows.insert(connection, candidate.projectId(), candidate.primaryHash(),
					candidate.title(), candidate.culprit(), candidate.level(), candidate.type(),
					this.rows.metadataJson(candidate.metadata()), candidate.seenAt(), candidate.seenAt());
			if (id.isEmpty()) {
				connection.rollback();
				return lookUp(connection, candidate)
					.orElseThrow(() -> new IllegalStateException("issue vanished after a conflicting insert"));
			}
			this.activities.add(connection, id.get(), IssueActivity.FIRST_SEEN, Map.of(), null, candidate.seenAt());
			return this.rows.find(connection, id.get());
		});
	}

	/**
	 * The issue that owns the hash; an empty issue when the hash is discarded; empty when
	 * the hash is new.
	 */
	private Optional<Optional<Issue>> lookUp(Connection connection, NewIssue candidate) throws SQLException {
		Optional<Issue> issue = Queries.first(connection,
				IssueRows.SELECT + "WHERE id = (SELECT issue_id FROM issue_hashes WHERE project_id = ? AND hash = ?)",
				this.rows::issue, candidate.projectId(), candidate.primaryHash());
		if (issue.isPresent()) {
			return Optional.of(issue);
		}
		if (IssueMerges.isDiscarded(connection, candidate.projectId(), candidate.primaryHash())) {
			return Optional.of(Optional.empty());
		}
		return Optional.empty();
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
		Optional<Long> target = target(connection, occurrence);
		if (target.isEmpty()) {
			return false;
		}
		long issueId = target.get();
		int inserted = Queries.update(connection,
				"INSERT INTO issue_events (project_id, event_id, issue_id, primary_hash, user_key, seen_at, "
						+ "release_version) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, event_id) DO NOTHING",
				occurrence.projectId(), occurrence.eventId(), issueId, occurrence.primaryHash(), occurrence.userKey(),
				occurrence.timestamp(), occurrence.release());
		if (inserted == 0) {
			return false;
		}
		int newUsers = 0;
		if (occurrence.userKey() != null) {
			newUsers = Queries.update(connection, "INSERT INTO issue_users (issue_id, user_key) VALUES (?, ?) "
					+ "ON CONFLICT (issue_id, user_key) DO NOTHING", issueId, occurrence.userKey());
		}
		long at = occurrence.timestamp().toEpochMilli();
		// CASE rather than LEAST/MIN: SQLite and PostgreSQL spell those differently. SET
		// sees the row before the update on both, so times_seen = 0 marks the first
		// event.
		Queries.update(connection,
				"UPDATE issues SET times_seen = times_seen + 1, user_count = user_count + ?, "
						+ "first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END, "
						+ "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END, "
						+ "first_release = CASE WHEN times_seen = 0 THEN ? ELSE first_release END WHERE id = ?",
				(long) newUsers, at, at, at, at, occurrence.release(), issueId);
		if (occurrence.release() != null) {
			ReleaseOrder.remember(connection, occurrence.projectId(), occurrence.release(), Columns.now(this.clock));
		}
		// The status rules belong to the transaction that counts the event, so a
		// replayed event can never reopen an issue resolved after it was counted.
		this.statusRules.afterOccurrence(connection, issueId, occurrence);
		return true;
	}

	/**
	 * The issue the occurrence counts against: its own, or the one it was merged into;
	 * empty when it was deleted.
	 * @throws IllegalArgumentException when the id is of another project or never existed
	 */
	private Optional<Long> target(Connection connection, EventOccurrence occurrence) throws SQLException {
		long issueId = occurrence.issueId();
		Optional<Long> project = projectOf(connection, issueId);
		if (project.isEmpty()) {
			Optional<Long> redirected = this.merges.redirect(connection, issueId);
			if (redirected.isPresent()) {
				issueId = redirected.get();
				project = projectOf(connection, issueId);
				if (project.isEmpty()) {
					// merged into an issue deleted since
					return Optional.empty();
				}
			}
			else if (Queries
				.first(connection, "SELECT project_id FROM deleted_issues WHERE issue_id = ? AND project_id = ?",
						(row) -> row.getLong(1), issueId, occurrence.projectId())
				.isPresent()) {
				return Optional.empty();
			}
		}
		if (project.isEmpty() || project.get() != occurrence.projectId()) {
			throw new IllegalArgumentException(
					"no issue " + occurrence.issueId() + " in project " + occurrence.projectId());
		}
		return Optional.of(issueId);
	}

	private static Optional<Long> projectOf(Connection connection, long issueId) throws SQLException {
		return Queries.first(connection, "SELECT project_id FROM issues WHERE id = ?", (row) -> row.getLong(1),
				issueId);
	}

	@Override
	public Optional<Issue> findById(long id) {
		return this.database.read((connection) -> this.rows.find(connection, id));
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
		IssueCriteriaSql criteria = IssueCriteriaSql.compile(query.criteria());
		// One bound placeholder per project: the ids are values, never SQL text.
		String projects = (projectIds.size() == 1) ? "project_id = ?"
				: "project_id IN (" + String.join(", ", Collections.nCopies(projectIds.size(), "?")) + ")";
		String sql = IssueRows.SELECT + "WHERE " + projects + " AND " + criteria.sql() + " ORDER BY " + order
				+ " DESC, id DESC LIMIT ? OFFSET ?";
		List<Object> values = new ArrayList<>(projectIds);
		values.addAll(criteria.values());
		values.add(query.limit());
		values.add(query.offset());
		return this.database.read((connection) -> Queries.list(connection, sql, this.rows::issue, values.toArray()));
	}

	@Override
	public Optional<Issue> updateStatus(long id, StatusChange change, @Nullable Long actorUserId) {
		return this.database.write((connection) -> this.statusRules.update(connection, id, change, actorUserId));
	}

	@Override
	public int wakeExpiredIgnores(Instant now) {
		return this.database.write((connection) -> this.statusRules.wakeExpired(connection, now));
	}

	@Override
	public Optional<Issue> assign(long id, @Nullable Assignee assignee, @Nullable Long actorUserId) {
		return this.database.write((connection) -> {
			Optional<Issue> current = this.rows.find(connection, id);
			if (current.isEmpty()) {
				return current;
			}
			if (assignee != null) {
				checkAssignable(connection, current.get().projectId(), assignee);
			}
			if (Objects.equals(current.get().assignee(), assignee)) {
				return current;
			}
			Long user = (assignee instanceof Assignee.User) ? assignee.id() : null;
			Long team = (assignee instanceof Assignee.Team) ? assignee.id() : null;
			Queries.update(connection, "UPDATE issues SET assignee_user_id = ?, assignee_team_id = ? WHERE id = ?",
					user, team, id);
			Instant now = Columns.now(this.clock);
			if (assignee == null) {
				this.activities.add(connection, id, IssueActivity.UNASSIGNED, Map.of(), actorUserId, now);
			}
			else {
				this.activities.add(connection, id, IssueActivity.ASSIGNED, Map.of("assignee",
						String.valueOf(assignee.id()), "assigneeType", (user != null) ? "user" : "team"), actorUserId,
						now);
			}
			if (user != null) {
				subscribe(connection, id, user);
			}
			return this.rows.find(connection, id);
		});
	}

	private static void checkAssignable(Connection connection, long projectId, Assignee assignee) throws SQLException {
		String sql = (assignee instanceof Assignee.User)
				? "SELECT 1 FROM organization_members m JOIN projects p ON p.organization_id = m.organization_id "
						+ "WHERE p.id = ? AND m.user_id = ?"
				: "SELECT 1 FROM teams t JOIN projects p ON p.organization_id = t.organization_id "
						+ "WHERE p.id = ? AND t.id = ?";
		if (Queries.first(connection, sql, (row) -> row.getInt(1), projectId, assignee.id()).isEmpty()) {
			throw new IllegalArgumentException(assignee + " is not of the organization of project " + projectId);
		}
	}

	@Override
	public void setBookmarked(long issueId, long userId, boolean bookmarked) {
		this.database.write((connection) -> (bookmarked)
				? Queries.update(connection,
						"INSERT INTO issue_bookmarks (issue_id, user_id) VALUES (?, ?) "
								+ "ON CONFLICT (issue_id, user_id) DO NOTHING",
						issueId, userId)
				: Queries.update(connection, "DELETE FROM issue_bookmarks WHERE issue_id = ? AND user_id = ?", issueId,
						userId));
	}

	@Override
	public void setSubscribed(long issueId, long userId, boolean subscribed) {
		this.database.write((connection) -> {
			if (subscribed) {
				subscribe(connection, issueId, userId);
			}
			else {
				Queries.update(connection, "DELETE FROM issue_subscriptions WHERE issue_id = ? AND user_id = ?",
						issueId, userId);
			}
			return null;
		});
	}

	private static void subscribe(Connection connection, long issueId, long userId) throws SQLException {
		Queries.update(connection, "INSERT INTO issue_subscriptions (issue_id, user_id) VALUES (?, ?) "
				+ "ON CONFLICT (issue_id, user_id) DO NOTHING", issueId, userId);
	}

	@Override
	public Set<Long> bookmarkedAmong(long userId, Collection<Long> issueIds) {
		return among("issue_bookmarks", userId, issueIds);
	}

	@Override
	public Set<Long> subscribedAmong(long userId, Collection<Long> issueIds) {
		return among("issue_subscriptions", userId, issueIds);
	}

	/** {@code table} is one of two constants; the ids are bound. */
	private Set<Long> among(String table, long userId, Collection<Long> issueIds) {
		if (issueIds.isEmpty()) {
			return Set.of();
		}
		List<Object> values = new ArrayList<>();
		values.add(userId);
		values.addAll(issueIds);
		String sql = "SELECT issue_id FROM " + table + " WHERE user_id = ? AND issue_id IN ("
				+ String.join(", ", Collections.nCopies(issueIds.size(), "?")) + ")";
		return this.database.read((connection) -> new HashSet<>(
				Queries.list(connection, sql, (row) -> row.getLong(1), values.toArray())));
	}

	@Override
	public Map<Long, Integer> commentCounts(Collection<Long> issueIds) {
		if (issueIds.isEmpty()) {
			return Map.of();
		}
		List<Object> values = new ArrayList<>();
		values.add(IssueActivity.NOTE);
		values.addAll(issueIds);
		String sql = "SELECT issue_id, COUNT(*) FROM issue_activities WHERE type = ? AND issue_id IN ("
				+ String.join(", ", Collections.nCopies(issueIds.size(), "?")) + ") GROUP BY issue_id";
		return this.database.read((connection) -> {
			Map<Long, Integer> counts = new HashMap<>();
			for (long[] row : Queries.list(connection, sql, (row) -> new long[] { row.getLong(1), row.getLong(2) },
					values.toArray())) {
				counts.put(row[0], (int) row[1]);
			}
			return counts;
		});
	}

	@Override
	public IssueActivity addComment(long issueId, long userId, String text) {
		return this.database.write((connection) -> {
			if (projectOf(connection, issueId).isEmpty()) {
				throw new IllegalArgumentException("no issue " + issueId);
			}
			IssueActivity note = this.activities.add(connection, issueId, IssueActivity.NOTE, Map.of("text", text),
					userId, Columns.now(this.clock));
			subscribe(connection, issueId, userId);
			return note;
		});
	}

	@Override
	public Optional<IssueActivity> editComment(long issueId, long activityId, long userId, String text) {
		return this.database
			.write((connection) -> this.activities.editNote(connection, issueId, activityId, userId, text));
	}

	@Override
	public boolean deleteComment(long issueId, long activityId, long userId) {
		return this.database.write((connection) -> this.activities.deleteNote(connection, issueId, activityId, userId));
	}

	@Override
	public List<IssueActivity> activities(long issueId) {
		return this.database.read((connection) -> this.activities.list(connection, issueId));
	}

	@Override
	public MergeResult merge(long parentId, List<Long> childIds, @Nullable Long actorUserId) {
		return this.database.write((connection) -> this.merges.merge(connection, parentId, childIds, actorUserId));
	}

	@Override
	public Optional<Long> redirect(long previousIssueId) {
		return this.database.read((connection) -> this.merges.redirect(connection, previousIssueId));
	}

	@Override
	public List<IssueHash> hashes(long issueId) {
		return this.database.read((connection) -> this.merges.hashes(connection, issueId));
	}

	@Override
	public Issue unmerge(long issueId, Set<String> hashes, @Nullable Long actorUserId) {
		return this.database.write((connection) -> this.merges.unmerge(connection, issueId, hashes, actorUserId));
	}

	@Override
	public boolean delete(long issueId) {
		return this.database.write((connection) -> this.merges.delete(connection, issueId));
	}

	@Override
	public Optional<Tombstone> discard(long issueId, @Nullable Long actorUserId) {
		return this.database.write((connection) -> this.merges.discard(connection, issueId, actorUserId));
	}

	@Override
	public List<Tombstone> tombstones(long projectId) {
		return this.database.read((connection) -> this.merges.tombstones(connection, projectId));
	}

	@Override
	public boolean deleteTombstone(long projectId, long tombstoneId) {
		return this.database.write((connection) -> IssueMerges.deleteTombstone(connection, projectId, tombstoneId));
	}

}
