package dev.faultline.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;

/**
 * {@link OutcomeStore} over the {@code outcomes} table: one row per project, hour,
 * category, outcome and reason, incremented by an upsert that both engines support
 * ({@code ON CONFLICT … DO UPDATE}).
 */
final class JdbcOutcomeStore implements OutcomeStore {

	/**
	 * The {@code EXISTS} guard drops counts of deleted projects instead of failing the
	 * batch on the foreign key.
	 */
	private static final String UPSERT = "INSERT INTO outcomes "
			+ "(project_id, hour, category, outcome, reason, quantity, times_seen) "
			+ "SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM projects WHERE id = ?) "
			+ "ON CONFLICT (project_id, hour, category, outcome, reason) "
			+ "DO UPDATE SET quantity = outcomes.quantity + excluded.quantity, "
			+ "times_seen = outcomes.times_seen + excluded.times_seen";

	private final JdbcDatabase database;

	JdbcOutcomeStore(JdbcDatabase database) {
		this.database = database;
	}

	@Override
	public void record(Collection<OutcomeCount> counts) {
		if (counts.isEmpty()) {
			return;
		}
		this.database.write((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
				for (OutcomeCount count : counts) {
					Columns.bind(statement, count.projectId(), count.hour(), count.category(), count.outcome(),
							count.reason(), count.quantity(), count.timesSeen(), count.projectId());
					statement.addBatch();
				}
				statement.executeBatch();
			}
			return null;
		});
	}

	@Override
	public List<OutcomeCount> query(Collection<Long> projectIds, Instant from, Instant to) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		String placeholders = String.join(", ", Collections.nCopies(projectIds.size(), "?"));
		Object[] values = new Object[projectIds.size() + 2];
		int i = 0;
		for (Long id : projectIds) {
			values[i++] = id;
		}
		values[i++] = from;
		values[i] = to;
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT project_id, hour, category, outcome, reason, quantity, times_seen FROM outcomes WHERE project_id IN ("
						+ placeholders + ") AND hour >= ? AND hour < ? "
						+ "ORDER BY hour, project_id, category, outcome, reason",
				JdbcOutcomeStore::count, values));
	}

	@Override
	public List<OutcomeCount> queryAll(Instant from, Instant to) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT project_id, hour, category, outcome, reason, quantity, times_seen FROM outcomes "
						+ "WHERE hour >= ? AND hour < ? ORDER BY hour, project_id, category, outcome, reason",
				JdbcOutcomeStore::count, from, to));
	}

	@Override
	public long deleteBefore(Instant cutoff) {
		Instant hour = cutoff.truncatedTo(ChronoUnit.HOURS);
		return this.database
			.write((connection) -> (long) Queries.update(connection, "DELETE FROM outcomes WHERE hour < ?", hour));
	}

	private static OutcomeCount count(ResultSet row) throws SQLException {
		return new OutcomeCount(row.getLong("project_id"), Columns.instant(row, "hour"), row.getString("category"),
				row.getString("outcome"), row.getString("reason"), row.getLong("quantity"), row.getLong("times_seen"));
	}

}
