package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Issue} rows: the column list every issue query selects and the mapping of
 * a row, including the JSON columns ({@code metadata}, {@code status_details}) and the
 * two assignee columns (at most one is set).
 */
final class IssueRows {

	static final String COLUMNS = "id, project_id, short_number, primary_hash, title, culprit, level, type, "
			+ "metadata, status, status_details, assignee_user_id, assignee_team_id, times_seen, user_count, "
			+ "first_seen, last_seen";

	static final String SELECT = "SELECT " + COLUMNS + " FROM issues ";

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	private final StatusDetailsJson statusDetails;

	IssueRows(JsonMapper json) {
		this.json = json;
		this.statusDetails = new StatusDetailsJson(json);
	}

	StatusDetailsJson statusDetails() {
		return this.statusDetails;
	}

	Optional<Issue> find(Connection connection, long id) throws SQLException {
		return Queries.first(connection, SELECT + "WHERE id = ?", this::issue, id);
	}

	Issue get(Connection connection, long id) throws SQLException {
		return find(connection, id).orElseThrow(() -> new IllegalStateException("issue " + id + " vanished"));
	}

	String metadataJson(Map<String, String> metadata) {
		return this.json.writeValueAsString(new TreeMap<>(metadata));
	}

	Issue issue(ResultSet row) throws SQLException {
		return new Issue(row.getLong("id"), row.getLong("project_id"), row.getLong("short_number"),
				row.getString("primary_hash"), row.getString("title"), row.getString("culprit"), row.getString("level"),
				row.getString("type"), this.json.readValue(row.getString("metadata"), STRING_MAP),
				IssueStatus.fromApiName(row.getString("status")),
				this.statusDetails.read(row.getString("status_details")), assignee(row), row.getLong("times_seen"),
				row.getLong("user_count"), Columns.instant(row, "first_seen"), Columns.instant(row, "last_seen"));
	}

	private static @Nullable Assignee assignee(ResultSet row) throws SQLException {
		Long user = nullableLong(row, "assignee_user_id");
		if (user != null) {
			return new Assignee.User(user);
		}
		Long team = nullableLong(row, "assignee_team_id");
		return (team != null) ? new Assignee.Team(team) : null;
	}

	static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

}
