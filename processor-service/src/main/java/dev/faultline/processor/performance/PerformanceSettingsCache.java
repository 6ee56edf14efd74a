package dev.faultline.processor.performance;

import java.time.Duration;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.faultline.core.performance.DetectionSettings;
import dev.faultline.storage.metadata.ProjectPerformance;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each project's performance issue settings, read from the store at most once per time to
 * live (a change applies within it, as the other project settings do). Settings the store
 * holds but the detectors refuse (written by an older version) fall back to Sentry's
 * defaults. Thread-safe.
 */
public final class PerformanceSettingsCache implements LongFunction<DetectionSettings> {

	private static final Logger logger = LoggerFactory.getLogger(PerformanceSettingsCache.class);

	private final LoadingCache<Long, DetectionSettings> cache;

	public PerformanceSettingsCache(ProjectSettingsStore store, Duration ttl) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build((projectId) -> {
			ProjectPerformance performance = store.findPerformance(projectId).orElse(ProjectPerformance.DEFAULTS);
			try {
				return DetectionSettings.DEFAULTS.with(performance.issueSettings());
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Project {} has unreadable performance issue settings, using the defaults: {}", projectId,
						ex.getMessage());
				return DetectionSettings.DEFAULTS;
			}
		});
	}

	@Override
	public DetectionSettings apply(long projectId) {
		return this.cache.get(projectId);
	}

}
