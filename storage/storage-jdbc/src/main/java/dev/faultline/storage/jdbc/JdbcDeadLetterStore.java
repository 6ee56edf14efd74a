package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;

/**
 * {@link DeadLetterStore} over the {@code dead_letters} table. The unique key
 * {@code (queue_position, item_index)} with {@code ON CONFLICT DO NOTHING} makes parking
 * idempotent on both engines. No foreign key to the project: parking must succeed even
 * for a project deleted since its envelope was queued, or the letter would block the
 * queue it was parked to unblock.
 */
final class JdbcDeadLetterStore implements DeadLetterStore {

	private static final String COLUMNS = "id, project_id, queue_position, item_index, item_type, reason, detail, "
			+ "payload, received_at, parked_at";

	private final JdbcDatabase database;

	JdbcDeadLetterStore(JdbcDatabase database) {
		this.database = database;
	}

	@Override
	public boolean park(DeadLetter letter) {
		return this.database.write((connection) -> Queries.update(connection,
				"INSERT INTO dead_letters (project_id, queue_position, item_index, item_type, reason, detail, payload, "
						+ "received_at, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
						+ "ON CONFLICT (queue_position, item_index) DO NOTHING",
				letter.projectId(), letter.queuePosition(), letter.itemIndex(), letter.itemType(), letter.reason(),
				letter.detail(), letter.payload(), letter.receivedAt(), letter.parkedAt()) > 0);
	}

	@Override
	public List<DeadLetter> list(int offset, int limit) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT " + COLUMNS + " FROM dead_letters ORDER BY id DESC LIMIT ? OFFSET ?",
				JdbcDeadLetterStore::letter, limit, offset));
	}

	@Override
	public long count() {
		return this.database.read(
				(connection) -> Queries.first(connection, "SELECT COUNT(*) FROM dead_letters", (row) -> row.getLong(1))
					.orElse(0L));
	}

	@Override
	public Optional<DeadLetter> find(long id) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?", JdbcDeadLetterStore::letter, id));
	}

	@Override
	public boolean delete(long id) {
		return this.database
			.write((connection) -> Queries.update(connection, "DELETE FROM dead_letters WHERE id = ?", id) > 0);
	}

	@Override
	public long deleteParkedBefore(Instant cutoff) {
		return this.database.write((connection) -> (long) Queries.update(connection,
				"DELETE FROM dead_letters WHERE parked_at < ?", cutoff.equals(Instant.MAX) ? Long.MAX_VALUE : cutoff));
	}

	private static DeadLetter letter(ResultSet row) throws SQLException {
		return new DeadLetter(row.getLong("id"), row.getLong("project_id"), row.getString("queue_position"),
				row.getInt("item_index"), row.getString("item_type"), row.getString("reason"), row.getString("detail"),
				row.getBytes("payload"), Columns.instant(row, "received_at"), Columns.instant(row, "parked_at"));
	}

}
