package dev.faultline.api.release;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's release serializer: what sentry-cli reads ({@code version dateCreated
 * projects[{slug,name}] lastCommit{id} newGroups}) and what Sentry's own clients require
 * (MCP's schema: {@code id version shortVersion dateCreated dateReleased
 * firstEvent lastEvent newGroups lastCommit lastDeploy projects}, nullable where Sentry
 * sends null). {@code lastEvent} is null: the last event of a release is not tracked.
 */
record ReleaseJson(long id, String version, String shortVersion, String status, VersionInfoJson versionInfo,
		@Nullable String ref, @Nullable String url, String dateCreated, @Nullable String dateStarted,
		@Nullable String dateReleased, @Nullable String firstEvent, @Nullable String lastEvent, int newGroups,
		@Nullable Object owner, int commitCount, @Nullable CommitJson lastCommit, int deployCount,
		@Nullable DeployJson lastDeploy, List<AuthorJson> authors, Map<String, Object> data,
		List<ProjectJson> projects) {

	/** Sentry's key {@code package} is a Java keyword. */
	record VersionInfoJson(@JsonProperty("package") @Nullable String packageName, VersionInfo.Version version,
			String description, @Nullable String buildHash) {

		static VersionInfoJson of(VersionInfo info) {
			return new VersionInfoJson(info.packageName(), info.version(), info.description(), info.buildHash());
		}

	}

	/**
	 * A project of the release; {@code healthData} only when the request asked for
	 * health.
	 */
	record ProjectJson(String id, String slug, String name, String platform, List<String> platforms, int newGroups,
			boolean hasHealthData, @JsonInclude(Include.NON_NULL) @Nullable HealthJson healthData) {

	}

	/**
	 * Release health of a project's release. Sessions are not stored yet, so every
	 * release has none: rates are null and counts zero, as Sentry answers a release
	 * without sessions.
	 */
	record HealthJson(@Nullable Double crashFreeSessions, @Nullable Double crashFreeUsers, @Nullable Double adoption,
			@Nullable Double sessionsAdoption, long totalSessions, long totalUsers, long totalSessions24h,
			long totalUsers24h, long totalProjectSessions24h, long totalProjectUsers24h, long sessionsCrashed,
			long sessionsErrored, @Nullable Double durationP50, @Nullable Double durationP90, boolean hasHealthData,
			Map<String, List<List<Long>>> stats) {

		static final HealthJson NO_SESSIONS = new HealthJson(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
				false, Map.of());

	}

	record AuthorJson(@Nullable String name, String email) {

	}

}
