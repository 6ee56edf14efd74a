package dev.faultline.storage.jdbc;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.faultline.storage.sourcemap.ArtifactBundle;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;
import dev.faultline.storage.sourcemap.BundleFile;
import dev.faultline.storage.sourcemap.NewArtifactBundle;
import org.jspecify.annotations.Nullable;

/**
 * {@link ArtifactBundleStore} over {@code upload_chunks}, {@code artifact_bundles},
 * {@code artifact_bundle_projects} and {@code artifact_bundle_files} (V10). Bytes are
 * bound with {@code setObject(byte[])}, which both drivers map to their binary type.
 */
final class JdbcArtifactBundleStore implements ArtifactBundleStore {

	private static final String SELECT_BUNDLE = "SELECT id, organization_id, checksum, bundle_id, state, detail, "
			+ "release, dist, file_count, date_created FROM artifact_bundles ";

	private static final String SELECT_FILE = "SELECT f.bundle_id, f.path, f.url, f.type, f.debug_id, f.source_map "
			+ "FROM artifact_bundle_files f JOIN artifact_bundles b ON b.id = f.bundle_id "
			+ "JOIN artifact_bundle_projects p ON p.bundle_id = b.id ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcArtifactBundleStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public void putChunk(long organizationId, String checksum, byte[] data) {
		Instant now = Columns.now(this.clock);
		this.database
			.write((connection) -> Queries.update(connection,
					"INSERT INTO upload_chunks (organization_id, checksum, data, date_created) VALUES (?, ?, ?, ?) "
							+ "ON CONFLICT (organization_id, checksum) DO NOTHING",
					organizationId, checksum, data, now));
	}

	@Override
	public Set<String> missingChunks(long organizationId, List<String> checksums) {
		Set<String> wanted = new LinkedHashSet<>(checksums);
		if (wanted.isEmpty()) {
			return Set.of();
		}
		Set<String> present = new HashSet<>(this.database.read((connection) -> Queries.list(connection,
				"SELECT checksum FROM upload_chunks WHERE organization_id = ? AND checksum IN ("
						+ placeholders(wanted.size()) + ")",
				(row) -> row.getString(1), concat(organizationId, wanted))));
		wanted.removeAll(present);
		return wanted;
	}

	@Override
	public byte[] joinChunks(long organizationId, List<String> checksums) {
		return this.database.read((connection) -> {
			ByteArrayOutputStream joined = new ByteArrayOutputStream();
			for (String checksum : checksums) {
				byte[] data = Queries
					.first(connection, "SELECT data FROM upload_chunks WHERE organization_id = ? AND checksum = ?",
							(row) -> row.getBytes(1), organizationId, checksum)
					.orElseThrow(() -> new IllegalStateException("chunk " + checksum + " is missing"));
				joined.writeBytes(data);
			}
			return joined.toByteArray();
		});
	}

	@Override
	public Optional<ArtifactBundle> findBundle(long organizationId, String checksum) {
		return this.database.read((connection) -> bundle(connection, organizationId, checksum));
	}

	@Override
	public ArtifactBundle saveBundle(long organizationId, NewArtifactBundle bundle, List<String> chunks) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			Optional<Long> inserted = Queries.first(connection,
					"INSERT INTO artifact_bundles (organization_id, checksum, bundle_id, state, release, dist, "
							+ "file_count, data, date_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
							+ "ON CONFLICT (organization_id, checksum) DO NOTHING RETURNING id",
					(row) -> row.getLong(1), organizationId, bundle.checksum(), bundle.bundleId(), ArtifactBundle.OK,
					bundle.release(), bundle.dist(), bundle.files().size(), bundle.data(), now);
			if (inserted.isPresent()) {
				for (long projectId : new LinkedHashSet<>(bundle.projectIds())) {
					Queries.update(connection,
							"INSERT INTO artifact_bundle_projects (bundle_id, project_id) "
									+ "SELECT ?, id FROM projects WHERE id = ? AND organization_id = ?",
							inserted.get(), projectId, organizationId);
				}
				Set<String> paths = new HashSet<>();
				for (BundleFile file : bundle.files()) {
					if (paths.add(file.path())) {
						Queries.update(connection,
								"INSERT INTO artifact_bundle_files (bundle_id, path, url, type, debug_id, source_map) "
										+ "VALUES (?, ?, ?, ?, ?, ?)",
								inserted.get(), file.path(), file.url(), file.type(), file.debugId(), file.sourceMap());
					}
				}
			}
			dropChunks(connection, organizationId, chunks);
			return bundle(connection, organizationId, bundle.checksum()).orElseThrow();
		});
	}

	@Override
	public ArtifactBundle failBundle(long organizationId, String checksum, String detail, List<String> chunks) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			Queries.update(connection,
					"INSERT INTO artifact_bundles (organization_id, checksum, state, detail, file_count, date_created) "
							+ "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (organization_id, checksum) DO NOTHING",
					organizationId, checksum, ArtifactBundle.ERROR, detail, now);
			dropChunks(connection, organizationId, chunks);
			return bundle(connection, organizationId, checksum).orElseThrow();
		});
	}

	@Override
	public List<ArtifactBundle> listBundles(long projectId) {
		return this.database.read((connection) -> {
			List<ArtifactBundle> bundles = new ArrayList<>();
			for (Long id : Queries.list(connection,
					"SELECT b.id FROM artifact_bundles b JOIN artifact_bundle_projects p ON p.bundle_id = b.id "
							+ "WHERE p.project_id = ? ORDER BY b.date_created DESC, b.id DESC",
					(row) -> row.getLong(1), projectId)) {
				bundles
					.add(Queries.first(connection, SELECT_BUNDLE + "WHERE id = ?", (row) -> bundle(connection, row), id)
						.orElseThrow());
			}
			return bundles;
		});
	}

	@Override
	public Optional<StoredFile> findByDebugId(long projectId, String debugId, String type) {
		return this.database.read((connection) -> Queries.first(connection,
				SELECT_FILE + "WHERE p.project_id = ? AND f.debug_id = ? AND f.type = ? AND b.state = ? "
						+ "ORDER BY b.date_created DESC, b.id DESC LIMIT 1",
				JdbcArtifactBundleStore::file, projectId, debugId, type, ArtifactBundle.OK));
	}

	@Override
	public Optional<StoredFile> findByUrl(long projectId, String release, @Nullable String dist, List<String> urls) {
		return this.database.read((connection) -> {
			for (String url : urls) {
				List<Object> values = new ArrayList<>(List.of(projectId, url, release, ArtifactBundle.OK));
				String distTerm = "";
				if (dist != null) {
					distTerm = "AND b.dist = ? ";
					values.add(dist);
				}
				Optional<StoredFile> found = Queries.first(connection,
						SELECT_FILE + "WHERE p.project_id = ? AND f.url = ? AND b.release = ? AND b.state = ? "
								+ distTerm + "ORDER BY b.date_created DESC, b.id DESC LIMIT 1",
						JdbcArtifactBundleStore::file, values.toArray());
				if (found.isPresent()) {
					return found;
				}
			}
			return Optional.empty();
		});
	}

	@Override
	public Optional<byte[]> bundleData(long bundleId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT data FROM artifact_bundles WHERE id = ? AND data IS NOT NULL", (row) -> row.getBytes(1),
				bundleId));
	}

	private static Optional<ArtifactBundle> bundle(Connection connection, long organizationId, String checksum)
			throws SQLException {
		Optional<Long> id = Queries.first(connection,
				"SELECT id FROM artifact_bundles WHERE organization_id = ? AND checksum = ?", (row) -> row.getLong(1),
				organizationId, checksum);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		return Queries.first(connection, SELECT_BUNDLE + "WHERE id = ?", (row) -> bundle(connection, row), id.get());
	}

	private static ArtifactBundle bundle(Connection connection, ResultSet row) throws SQLException {
		long id = row.getLong("id");
		ArtifactBundle partial = new ArtifactBundle(id, row.getLong("organization_id"), row.getString("checksum"),
				row.getString("bundle_id"), row.getString("state"), row.getString("detail"), row.getString("release"),
				row.getString("dist"), row.getInt("file_count"), List.of(), Columns.instant(row, "date_created"));
		List<Long> projects = Queries.list(connection,
				"SELECT project_id FROM artifact_bundle_projects WHERE bundle_id = ? ORDER BY project_id",
				(result) -> result.getLong(1), id);
		return new ArtifactBundle(partial.id(), partial.organizationId(), partial.checksum(), partial.bundleId(),
				partial.state(), partial.detail(), partial.release(), partial.dist(), partial.fileCount(), projects,
				partial.dateCreated());
	}

	private static StoredFile file(ResultSet row) throws SQLException {
		return new StoredFile(row.getLong("bundle_id"), new BundleFile(row.getString("path"), row.getString("url"),
				row.getString("type"), row.getString("debug_id"), row.getString("source_map")));
	}

	private static void dropChunks(Connection connection, long organizationId, List<String> chunks)
			throws SQLException {
		for (String checksum : new LinkedHashSet<>(chunks)) {
			Queries.update(connection, "DELETE FROM upload_chunks WHERE organization_id = ? AND checksum = ?",
					organizationId, checksum);
		}
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static Object[] concat(Object first, Set<String> rest) {
		List<Object> values = new ArrayList<>(rest.size() + 1);
		values.add(first);
		values.addAll(rest);
		return values.toArray();
	}

}
