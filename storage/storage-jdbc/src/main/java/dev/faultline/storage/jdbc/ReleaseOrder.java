package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The order of a project's releases, for resolve-in-release regressions: semantic
 * versions compare as versions ({@link SemanticVersion}); any other pair by when the
 * project first saw each release ({@code project_releases.first_seen}, the store clock).
 */
final class ReleaseOrder {

	private ReleaseOrder() {
	}

	/**
	 * Makes the release known to the project, first seen {@code now}, unless it is
	 * already known; a release new to the project becomes a release of its organization
	 * with the project among its projects.
	 */
	static void remember(Connection connection, long projectId, String release, Instant now) throws SQLException {
		if (Queries.update(connection,
				"INSERT INTO project_releases (project_id, version, first_seen) VALUES (?, ?, ?) "
						+ "ON CONFLICT (project_id, version) DO NOTHING",
				projectId, release, now) > 0) {
			JdbcReleaseStore.seenOnEvent(connection, projectId, release, now);
		}
	}

	/**
	 * Whether {@code release} comes after {@code resolvedIn}; a {@code resolvedIn} the
	 * project never saw counts as first seen at {@code resolvedAt}.
	 */
	static boolean isLater(Connection connection, long projectId, String release, String resolvedIn, long resolvedAt)
			throws SQLException {
		Optional<SemanticVersion> version = SemanticVersion.parse(release);
		Optional<SemanticVersion> resolvedVersion = SemanticVersion.parse(resolvedIn);
		if (version.isPresent() && resolvedVersion.isPresent()) {
			return version.get().compareTo(resolvedVersion.get()) > 0;
		}
		if (release.equals(resolvedIn)) {
			return false;
		}
		long seen = firstSeen(connection, projectId, release).orElse(Long.MAX_VALUE);
		return seen > firstSeen(connection, projectId, resolvedIn).orElse(resolvedAt);
	}

	/**
	 * Whether the project first saw {@code release} after {@code resolvedAt}.
	 */
	static boolean isNewerThan(Connection connection, long projectId, String release, long resolvedAt)
			throws SQLException {
		return firstSeen(connection, projectId, release).map((seen) -> seen > resolvedAt).orElse(false);
	}

	private static Optional<Long> firstSeen(Connection connection, long projectId, String release) throws SQLException {
		return Queries.first(connection, "SELECT first_seen FROM project_releases WHERE project_id = ? AND version = ?",
				(row) -> row.getLong(1), projectId, release);
	}

}
