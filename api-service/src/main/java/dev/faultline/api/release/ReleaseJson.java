package dev.faultline.api.release;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.api.releasehealth.ReleaseHealth;
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
	 * Release health of a project's release (rates in percent); a release without
	 * sessions has null rates and zero counts, as Sentry answers it.
	 */
	record HealthJson(@Nullable Double crashFreeSessions, @Nullable Double crashFreeUsers, @Nullable Double adoption,
			@Nullable Double sessionsAdoption, long totalSessions, long totalUsers, long totalSessions24h,
			long totalUsers24h, long totalProjectSessions24h, long totalProjectUsers24h, long sessionsCrashed,
			long sessionsErrored, @Nullable Double durationP50, @Nullable Double durationP90, boolean hasHealthData,
			Map<String, List<List<Long>>> stats) {

		static final HealthJson NO_SESSIONS = new HealthJson(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
				false, Map.of());

		static HealthJson of(ReleaseHealth.Health health) {
			return new HealthJson(health.crashFreeSessions(), health.crashFreeUsers(), health.adoption(),
					health.sessionsAdoption(), health.totalSessions(), health.totalUsers(), health.totalSessions24h(),
					health.totalUsers24h(), health.totalProjectSessions24h(), health.totalProjectUsers24h(),
					health.sessionsCrashed(), health.sessionsErrored(), null, null, health.hasHealthData(),
					health.stats());
		}

	}

	record AuthorJson(@Nullable String name, String email) {

	}

}
