package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueHash;
import dev.faultline.storage.metadata.MergeResult;
import dev.faultline.storage.metadata.Tombstone;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moving counted events between issues: merge, unmerge, delete and discard, with the
 * redirects and tombstones they leave. Every method runs inside the caller's write
 * transaction.
 *
 * <p>
 * Counters are recounted from the rows that back them rather than added up:
 * {@code times_seen} is the number of {@code issue_events} rows (one per counted event),
 * {@code user_count} the number of {@code issue_users} rows. On merge a child's comments,
 * bookmarks and subscriptions move to the parent; its other activities (first seen,
 * status changes) describe an issue that no longer exists and are deleted with it.
 */
final class IssueMerges {

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	/** Bounds redirect chains; merges flatten them, so real chains have one step. */
	private static final int MAX_REDIRECTS = 32;

	private final IssueRows rows;

	private final IssueActivities activities;

	private final Clock clock;

	private final JsonMapper json;

	IssueMerges(IssueRows rows, IssueActivities activities, Clock clock, JsonMapper json) {
		this.rows = rows;
		this.activities = activities;
		this.clock = clock;
		this.json = json;
	}

	MergeResult merge(Connection connection, long parentId, List<Long> childIds, @Nullable Long actorUserId)
			throws SQLException {
		Issue parent = this.rows.find(connection, parentId)
			.orElseThrow(() -> new IllegalArgumentException("no issue " + parentId));
		Set<Long> children = new LinkedHashSet<>(childIds);
		if (children.isEmpty()) {
			throw new IllegalArgumentException("nothing to merge into issue " + parentId);
		}
		if (children.contains(parentId)) {
			throw new IllegalArgumentException("issue " + parentId + " cannot be merged into itself");
		}
		List<Issue> merged = new ArrayList<>();
		for (long childId : children) {
			Issue child = this.rows.find(connection, childId)
				.filter((candidate) -> candidate.projectId() == parent.projectId())
				.orElseThrow(() -> new IllegalArgumentException(
						"no issue " + childId + " in project " + parent.projectId()));
			merged.add(child);
		}
		Instant firstSeen = parent.firstSeen();
		Instant lastSeen = parent.lastSeen();
		for (Issue child : merged) {
			moveInto(connection, child.id(), parentId, parent.projectId());
			firstSeen = child.firstSeen().isBefore(firstSeen) ? child.firstSeen() : firstSeen;
			lastSeen = child.lastSeen().isAfter(lastSeen) ? child.lastSeen() : lastSeen;
		}
		recount(connection, parentId);
		Queries.update(connection, "UPDATE issues SET first_seen = ?, last_seen = ? WHERE id = ?", firstSeen, lastSeen,
				parentId);
		List<Long> ids = merged.stream().map(Issue::id).toList();
		this.activities.add(connection, parentId, IssueActivity.MERGE,
				Map.of("issues", String.join(",", ids.stream().map(String::valueOf).toList())), actorUserId,
				Columns.now(this.clock));
		return new MergeResult(this.rows.get(connection, parentId), ids);
	}

	private void moveInto(Connection connection, long childId, long parentId, long projectId) throws SQLException {
		Queries.update(connection, "UPDATE issue_hashes SET issue_id = ? WHERE issue_id = ?", parentId, childId);
		Queries.update(connection, "UPDATE issue_events SET issue_id = ? WHERE issue_id = ?", parentId, childId);
		for (String table : List.of("issue_bookmarks", "issue_subscriptions")) {
			// the table name is one of two constants
			Queries.update(connection, "INSERT INTO " + table + " (issue_id, user_id) SELECT ?, user_id FROM " + table
					+ " WHERE issue_id = ? ON CONFLICT (issue_id, user_id) DO NOTHING", parentId, childId);
		}
		Queries.update(connection,
				"INSERT INTO issue_users (issue_id, user_key) SELECT ?, user_key FROM issue_users WHERE issue_id = ? "
						+ "ON CONFLICT (issue_id, user_key) DO NOTHING",
				parentId, childId);
		Queries.update(connection, "UPDATE issue_activities SET issue_id = ? WHERE issue_id = ? AND type = ?", parentId,
				childId, IssueActivity.NOTE);
		// Ids merged into the child now redirect to the parent: chains stay one step
		// long.
		Queries.update(connection, "UPDATE issue_redirects SET issue_id = ? WHERE issue_id = ?", parentId, childId);
		Queries.update(connection,
				"INSERT INTO issue_redirects (previous_issue_id, project_id, issue_id) VALUES (?, ?, ?) "
						+ "ON CONFLICT (previous_issue_id) DO UPDATE SET issue_id = excluded.issue_id",
				childId, projectId, parentId);
		Queries.update(connection, "DELETE FROM issues WHERE id = ?", childId);
	}

	Optional<Long> redirect(Connection connection, long previousIssueId) throws SQLException {
		Optional<Long> target = Optional.empty();
		long current = previousIssueId;
		for (int i = 0; i < MAX_REDIRECTS; i++) {
			Optional<Long> next = Queries.first(connection,
					"SELECT issue_id FROM issue_redirects WHERE previous_issue_id = ?", (row) -> row.getLong(1),
					current);
			if (next.isEmpty()) {
				break;
			}
			target = next;
			current = next.get();
		}
		return target;
	}

	List<IssueHash> hashes(Connection connection, long issueId) throws SQLException {
		// COALESCE: events counted before seen_at existed sort as oldest on both engines
		// (their NULL ordering differs).
		return Queries.list(connection,
				"SELECT h.hash, (SELECT COUNT(*) FROM issue_events e WHERE e.issue_id = h.issue_id "
						+ "AND e.primary_hash = h.hash) AS event_count, "
						+ "(SELECT e.event_id FROM issue_events e WHERE e.issue_id = h.issue_id "
						+ "AND e.primary_hash = h.hash ORDER BY COALESCE(e.seen_at, 0) DESC, e.event_id DESC LIMIT 1) "
						+ "AS latest_event_id FROM issue_hashes h WHERE h.issue_id = ? "
						+ "ORDER BY event_count DESC, h.hash",
				(row) -> new IssueHash(row.getString("hash"), row.getLong("event_count"),
						row.getString("latest_event_id")),
				issueId);
	}

	Issue unmerge(Connection connection, long issueId, Set<String> hashes, @Nullable Long actorUserId)
			throws SQLException {
		Issue source = this.rows.find(connection, issueId)
			.orElseThrow(() -> new IllegalArgumentException("no issue " + issueId));
		Set<String> owned = new TreeSet<>(hashes(connection, issueId).stream().map(IssueHash::hash).toList());
		TreeSet<String> moving = new TreeSet<>(hashes);
		if (moving.isEmpty() || !owned.containsAll(moving)) {
			throw new IllegalArgumentException("issue " + issueId + " does not have the hashes " + hashes);
		}
		if (moving.size() == owned.size()) {
			throw new IllegalArgumentException("cannot unmerge every hash of issue " + issueId);
		}
		List<Object> movingValues = new ArrayList<>(moving);
		String placeholders = String.join(", ", Collections.nCopies(moving.size(), "?"));
		List<Object> deleteValues = new ArrayList<>();
		deleteValues.add(source.projectId());
		deleteValues.addAll(movingValues);
		Queries.update(connection, "DELETE FROM issue_hashes WHERE project_id = ? AND hash IN (" + placeholders + ")",
				deleteValues.toArray());
		long destinationId = NewIssueRows
			.insert(connection, source.projectId(), moving.first(), source.title(), source.culprit(), source.level(),
					source.type(), this.rows.metadataJson(source.metadata()), source.firstSeen(), source.lastSeen())
			.orElseThrow(() -> new IllegalStateException("unmerge could not create its issue"));
		for (String hash : moving.tailSet(moving.first(), false)) {
			Queries.update(connection, "INSERT INTO issue_hashes (project_id, hash, issue_id) VALUES (?, ?, ?)",
					source.projectId(), hash, destinationId);
		}
		List<Object> moveValues = new ArrayList<>();
		moveValues.add(destinationId);
		moveValues.add(issueId);
		moveValues.addAll(movingValues);
		Queries.update(connection,
				"UPDATE issue_events SET issue_id = ? WHERE issue_id = ? AND primary_hash IN (" + placeholders + ")",
				moveValues.toArray());
		rebuildUsers(connection, destinationId);
		rebuildUsers(connection, issueId);
		recount(connection, issueId);
		recount(connection, destinationId);
		recountSeen(connection, issueId);
		recountSeen(connection, destinationId);
		String hashList = String.join(",", moving);
		Instant now = Columns.now(this.clock);
		this.activities.add(connection, issueId, IssueActivity.UNMERGE_SOURCE,
				Map.of("destination", String.valueOf(destinationId), "hashes", hashList), actorUserId, now);
		this.activities.add(connection, destinationId, IssueActivity.UNMERGE_DESTINATION,
				Map.of("source", String.valueOf(issueId), "hashes", hashList), actorUserId, now);
		return this.rows.get(connection, destinationId);
	}

	/**
	 * Rebuilds the issue's distinct users from its events' user keys, unless it has
	 * events counted before user keys were kept there (then its users stay: an over-count
	 * rather than losing users).
	 */
	private static void rebuildUsers(Connection connection, long issueId) throws SQLException {
		if (hasEventsWithoutDetails(connection, issueId)) {
			return;
		}
		Queries.update(connection, "DELETE FROM issue_users WHERE issue_id = ?", issueId);
		Queries.update(connection,
				"INSERT INTO issue_users (issue_id, user_key) SELECT DISTINCT issue_id, user_key FROM issue_events "
						+ "WHERE issue_id = ? AND user_key IS NOT NULL",
				issueId);
	}

	/** First and last seen from the events' times, when every event has one. */
	private static void recountSeen(Connection connection, long issueId) throws SQLException {
		if (hasEventsWithoutDetails(connection, issueId)) {
			return;
		}
		Queries.update(connection,
				"UPDATE issues SET first_seen = COALESCE((SELECT MIN(seen_at) FROM issue_events WHERE issue_id = ?), "
						+ "first_seen), last_seen = COALESCE((SELECT MAX(seen_at) FROM issue_events "
						+ "WHERE issue_id = ?), last_seen) WHERE id = ?",
				issueId, issueId, issueId);
	}

	private static boolean hasEventsWithoutDetails(Connection connection, long issueId) throws SQLException {
		return Queries
			.first(connection, "SELECT 1 FROM issue_events WHERE issue_id = ? AND seen_at IS NULL LIMIT 1",
					(row) -> row.getInt(1), issueId)
			.isPresent();
	}

	private static void recount(Connection connection, long issueId) throws SQLException {
		Queries.update(connection,
				"UPDATE issues SET times_seen = (SELECT COUNT(*) FROM issue_events WHERE issue_id = ?), "
						+ "user_count = (SELECT COUNT(*) FROM issue_users WHERE issue_id = ?) WHERE id = ?",
				issueId, issueId, issueId);
	}

	/**
	 * Deletes the issue (its counters, activities, hashes cascade) and remembers its id
	 * as deleted, so that occurrences still in flight for it are dropped.
	 */
	boolean delete(Connection connection, long issueId) throws SQLException {
		Optional<Long> projectId = Queries.first(connection, "DELETE FROM issues WHERE id = ? RETURNING project_id",
				(row) -> row.getLong(1), issueId);
		if (projectId.isEmpty()) {
			return false;
		}
		Queries.update(connection,
				"INSERT INTO deleted_issues (issue_id, project_id) VALUES (?, ?) ON CONFLICT (issue_id) DO NOTHING",
				issueId, projectId.get());
		return true;
	}

	Optional<Tombstone> discard(Connection connection, long issueId, @Nullable Long actorUserId) throws SQLException {
		Optional<Issue> found = this.rows.find(connection, issueId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Issue issue = found.get();
		List<String> hashes = hashes(connection, issueId).stream().map(IssueHash::hash).sorted().toList();
		Instant now = Columns.now(this.clock);
		long id = Queries.insert(connection,
				"INSERT INTO issue_tombstones (project_id, previous_issue_id, title, culprit, level, hashes, "
						+ "actor_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
				"tombstone not inserted", issue.projectId(), issueId, issue.title(), issue.culprit(), issue.level(),
				this.json.writeValueAsString(hashes), actorUserId, now);
		for (String hash : hashes) {
			Queries.update(connection,
					"INSERT INTO issue_tombstone_hashes (project_id, hash, tombstone_id) VALUES (?, ?, ?) "
							+ "ON CONFLICT (project_id, hash) DO UPDATE SET tombstone_id = excluded.tombstone_id",
					issue.projectId(), hash, id);
		}
		delete(connection, issueId);
		return Optional.of(new Tombstone(id, issue.projectId(), issueId, issue.title(), issue.culprit(), issue.level(),
				hashes, actorUserId, now));
	}

	List<Tombstone> tombstones(Connection connection, long projectId) throws SQLException {
		return Queries.list(connection,
				"SELECT id, project_id, previous_issue_id, title, culprit, level, hashes, actor_user_id, created_at "
						+ "FROM issue_tombstones WHERE project_id = ? ORDER BY created_at DESC, id DESC",
				(row) -> new Tombstone(row.getLong("id"), row.getLong("project_id"), row.getLong("previous_issue_id"),
						row.getString("title"), row.getString("culprit"), row.getString("level"),
						this.json.readValue(row.getString("hashes"), STRING_LIST),
						IssueRows.nullableLong(row, "actor_user_id"), Columns.instant(row, "created_at")),
				projectId);
	}

	static boolean isDiscarded(Connection connection, long projectId, String hash) throws SQLException {
		return Queries
			.first(connection, "SELECT tombstone_id FROM issue_tombstone_hashes WHERE project_id = ? AND hash = ?",
					(row) -> row.getLong(1), projectId, hash)
			.isPresent();
	}

	static boolean deleteTombstone(Connection connection, long projectId, long tombstoneId) throws SQLException {
		return Queries.update(connection, "DELETE FROM issue_tombstones WHERE id = ? AND project_id = ?", tombstoneId,
				projectId) > 0;
	}

}
