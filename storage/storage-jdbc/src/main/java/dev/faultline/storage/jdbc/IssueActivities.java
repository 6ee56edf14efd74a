package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.faultline.storage.metadata.IssueActivity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code issue_activities} table: the activity log of issues, comments included
 * ({@link IssueActivity#NOTE} rows with the author in {@code user_id}). Data maps are
 * JSON objects of strings.
 */
final class IssueActivities {

	private static final String SELECT = "SELECT id, issue_id, type, data, user_id, created_at FROM issue_activities ";

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	IssueActivities(JsonMapper json) {
		this.json = json;
	}

	IssueActivity add(Connection connection, long issueId, String type, Map<String, String> data, @Nullable Long userId,
			Instant at) throws SQLException {
		long id = Queries.insert(connection,
				"INSERT INTO issue_activities (issue_id, type, data, user_id, created_at) VALUES (?, ?, ?, ?, ?) "
						+ "RETURNING id",
				"activity not inserted", issueId, type, this.json.writeValueAsString(new TreeMap<>(data)), userId, at);
		return new IssueActivity(id, issueId, type, data, userId, at);
	}

	List<IssueActivity> list(Connection connection, long issueId) throws SQLException {
		return Queries.list(connection, SELECT + "WHERE issue_id = ? ORDER BY id", this::activity, issueId);
	}

	/** Replaces the text of a note of the issue written by the user. */
	Optional<IssueActivity> editNote(Connection connection, long issueId, long activityId, long userId, String text)
			throws SQLException {
		return Queries.first(connection,
				"UPDATE issue_activities SET data = ? WHERE id = ? AND issue_id = ? AND type = ? AND user_id = ? "
						+ "RETURNING id, issue_id, type, data, user_id, created_at",
				this::activity, this.json.writeValueAsString(Map.of("text", text)), activityId, issueId,
				IssueActivity.NOTE, userId);
	}

	boolean deleteNote(Connection connection, long issueId, long activityId, long userId) throws SQLException {
		return Queries.update(connection,
				"DELETE FROM issue_activities WHERE id = ? AND issue_id = ? AND type = ? AND user_id = ?", activityId,
				issueId, IssueActivity.NOTE, userId) > 0;
	}

	private IssueActivity activity(ResultSet row) throws SQLException {
		return new IssueActivity(row.getLong("id"), row.getLong("issue_id"), row.getString("type"),
				this.json.readValue(row.getString("data"), STRING_MAP), IssueRows.nullableLong(row, "user_id"),
				Columns.instant(row, "created_at"));
	}

}
