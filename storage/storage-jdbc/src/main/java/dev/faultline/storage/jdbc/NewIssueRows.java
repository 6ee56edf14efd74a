package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.faultline.storage.metadata.IssueStatus;

/**
 * Inserts new issue rows (by {@code findOrCreate} and by unmerge): the next short number
 * of the project, an unresolved status, no counts.
 *
 * <p>
 * {@code issues} keeps {@code UNIQUE (project_id, primary_hash)} as the race guard of
 * issue creation, but since merges and unmerges move hashes between issues
 * ({@code issue_hashes} is the authority for grouping) the hash a new issue is created
 * for may still be the primary hash of an older issue that no longer owns it. The new
 * issue then takes {@code <hash>/<short number>}, which is unique within the project
 * because short numbers are.
 */
final class NewIssueRows {

	private NewIssueRows() {
	}

	/**
	 * Inserts the issue and routes {@code hash} to it. Empty when a concurrent writer
	 * created an issue with the same primary hash or took the hash first: the caller must
	 * roll back, so that the short number stays unused.
	 * @throws IllegalArgumentException for an unknown project
	 */
	static Optional<Long> insert(Connection connection, long projectId, String hash, String title, String culprit,
			String level, String type, String metadataJson, Instant firstSeen, Instant lastSeen) throws SQLException {
		// The project's first issue is its first event (Sentry's project firstEvent): set
		// here, with the counter, so it costs no statement of its own.
		long shortNumber = Queries
			.first(connection,
					"UPDATE projects SET issue_counter = issue_counter + 1, first_event = COALESCE(first_event, ?) "
							+ "WHERE id = ? RETURNING issue_counter",
					(row) -> row.getLong(1), firstSeen, projectId)
			.orElseThrow(() -> new IllegalArgumentException("no project " + projectId));
		boolean taken = Queries
			.first(connection, "SELECT id FROM issues WHERE project_id = ? AND primary_hash = ?",
					(row) -> row.getLong(1), projectId, hash)
			.isPresent();
		String primaryHash = taken ? hash + "/" + shortNumber : hash;
		// Taken after the project row, like every creator: one lock order, no deadlock.
		long nextId = Queries
			.first(connection, "UPDATE issue_id_counter SET last_id = last_id + 1 RETURNING last_id",
					(row) -> row.getLong(1))
			.orElseThrow(() -> new IllegalStateException("issue_id_counter has no row"));
		Optional<Long> id = Queries.first(connection,
				"INSERT INTO issues (id, project_id, short_number, primary_hash, title, culprit, level, type, "
						+ "metadata, status, times_seen, user_count, first_seen, last_seen) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?) "
						+ "ON CONFLICT (project_id, primary_hash) DO NOTHING RETURNING id",
				(row) -> row.getLong(1), nextId, projectId, shortNumber, primaryHash, title, culprit, level, type,
				metadataJson, IssueStatus.UNRESOLVED.apiName(), firstSeen, lastSeen);
		if (id.isEmpty()) {
			return id;
		}
		Optional<String> routed = Queries.first(connection,
				"INSERT INTO issue_hashes (project_id, hash, issue_id) VALUES (?, ?, ?) "
						+ "ON CONFLICT (project_id, hash) DO NOTHING RETURNING hash",
				(row) -> row.getString(1), projectId, hash, id.get());
		return routed.isPresent() ? id : Optional.empty();
	}

}
