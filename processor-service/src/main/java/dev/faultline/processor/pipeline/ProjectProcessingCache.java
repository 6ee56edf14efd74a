package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each project's {@link ProjectProcessing}, read from the {@link ProjectSettingsStore}
 * (settings and inbound filters) and kept for a while, so a batch costs at most one
 * settings read per project and TTL, and an event none; a settings change reaches the
 * processor within the TTL (as Relay's cached project configs do). Thread-safe.
 *
 * <p>
 * A store failure propagates: the batch is then not prepared and comes again, rather than
 * being processed without the project's scrubbing rules. Stored rules that no longer
 * parse (the API validates them, so only a direct database edit does this) are logged
 * with the project id and the project falls back to the processor-wide settings.
 */
public final class ProjectProcessingCache implements LongFunction<ProjectProcessing> {

	/**
	 * How long a project's settings are kept.
	 */
	public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(ProjectProcessingCache.class);

	private final LoadingCache<Long, ProjectProcessing> cache;

	public ProjectProcessingCache(ProjectSettingsStore store, ScrubbingSettings global, Duration ttl) {
		ProjectProcessing fallback = ProjectProcessing.compile(ProjectSettings.DEFAULTS, global);
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build((projectId) -> {
			ProjectSettings settings = store.find(projectId).orElse(ProjectSettings.DEFAULTS);
			ProjectFilters filters = store.findFilters(projectId).orElse(ProjectFilters.NONE);
			try {
				return ProjectProcessing.compile(settings, filters, global);
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Project {} has unreadable processing settings, using the processor-wide ones: {}",
						projectId, ex.getMessage());
				return fallback;
			}
		});
	}

	@Override
	public ProjectProcessing apply(long projectId) {
		return this.cache.get(projectId);
	}

}
