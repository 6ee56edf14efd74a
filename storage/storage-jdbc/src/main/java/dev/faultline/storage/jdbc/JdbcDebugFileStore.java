package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.faultline.storage.debugfile.DebugFile;
import dev.faultline.storage.debugfile.DebugFileStore;
import dev.faultline.storage.debugfile.NewDebugFile;
import org.jspecify.annotations.Nullable;

/**
 * {@link DebugFileStore} over {@code debug_files} (V15); the chunks it drops are
 * {@code upload_chunks}' (V10). Features are stored comma-separated.
 */
final class JdbcDebugFileStore implements DebugFileStore {

	private static final String SELECT = "SELECT id, project_id, checksum, debug_id, symbol_type, object_name, "
			+ "features, size, date_created FROM debug_files ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcDebugFileStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public DebugFile save(long organizationId, long projectId, NewDebugFile file, List<String> chunks) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			Queries.update(connection,
					"INSERT INTO debug_files (project_id, checksum, debug_id, symbol_type, object_name, features, "
							+ "size, data, date_created) SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM projects "
							+ "WHERE id = ? AND organization_id = ? ON CONFLICT (project_id, checksum) DO NOTHING",
					file.checksum(), file.debugId().toLowerCase(Locale.ROOT), file.symbolType(), file.objectName(),
					String.join(",", file.features()), (long) file.data().length, file.data(), now, projectId,
					organizationId);
			for (String checksum : new LinkedHashSet<>(chunks)) {
				Queries.update(connection, "DELETE FROM upload_chunks WHERE organization_id = ? AND checksum = ?",
						organizationId, checksum);
			}
			return Queries
				.first(connection, SELECT + "WHERE project_id = ? AND checksum = ?", JdbcDebugFileStore::file,
						projectId, file.checksum())
				.orElseThrow(() -> new IllegalArgumentException(
						"project " + projectId + " is not a project of organization " + organizationId));
		});
	}

	@Override
	public Optional<DebugFile> find(long projectId, long fileId) {
		return this.database.read((connection) -> Queries.first(connection, SELECT + "WHERE project_id = ? AND id = ?",
				JdbcDebugFileStore::file, projectId, fileId));
	}

	@Override
	public Optional<DebugFile> findByChecksum(long projectId, String checksum) {
		return this.database.read((connection) -> Queries.first(connection,
				SELECT + "WHERE project_id = ? AND checksum = ?", JdbcDebugFileStore::file, projectId, checksum));
	}

	@Override
	public Optional<DebugFile> findByDebugId(long projectId, String debugId, String symbolType) {
		return this.database.read((connection) -> Queries.first(connection,
				SELECT + "WHERE project_id = ? AND debug_id = ? AND symbol_type = ? "
						+ "ORDER BY date_created DESC, id DESC LIMIT 1",
				JdbcDebugFileStore::file, projectId, debugId.toLowerCase(Locale.ROOT), symbolType));
	}

	@Override
	public Optional<byte[]> data(long fileId) {
		return this.database.read((connection) -> Queries.first(connection, "SELECT data FROM debug_files WHERE id = ?",
				(row) -> row.getBytes(1), fileId));
	}

	@Override
	public List<DebugFile> list(long projectId, @Nullable String query, int offset, int limit) {
		List<Object> values = new ArrayList<>(List.of(projectId));
		String filter = "";
		if (query != null && !query.isBlank()) {
			String prefix = escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
			filter = "AND (debug_id LIKE ? ESCAPE '\\' OR checksum LIKE ? ESCAPE '\\' "
					+ "OR lower(object_name) LIKE ? ESCAPE '\\') ";
			values.addAll(List.of(prefix, prefix, prefix));
		}
		values.add(limit);
		values.add(offset);
		String sql = SELECT + "WHERE project_id = ? " + filter + "ORDER BY date_created DESC, id DESC LIMIT ? OFFSET ?";
		return this.database
			.read((connection) -> Queries.list(connection, sql, JdbcDebugFileStore::file, values.toArray()));
	}

	@Override
	public boolean delete(long projectId, long fileId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM debug_files WHERE project_id = ? AND id = ?", projectId, fileId) > 0);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static DebugFile file(ResultSet row) throws SQLException {
		String features = row.getString("features");
		return new DebugFile(row.getLong("id"), row.getLong("project_id"), row.getString("checksum"),
				row.getString("debug_id"), row.getString("symbol_type"), row.getString("object_name"),
				features.isEmpty() ? List.of() : Arrays.asList(features.split(",")), row.getLong("size"),
				Columns.instant(row, "date_created"));
	}

}
