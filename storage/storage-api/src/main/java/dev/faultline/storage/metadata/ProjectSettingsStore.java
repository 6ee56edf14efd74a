package dev.faultline.storage.metadata;

import java.util.Optional;

/**
 * Per-project processing settings ({@link ProjectSettings}) and inbound data filters
 * ({@link ProjectFilters}), each replaced as a whole. Thread-safe.
 */
public interface ProjectSettingsStore {

	/**
	 * The settings of a project: {@link ProjectSettings#DEFAULTS} while they were never
	 * changed, empty when the project does not exist.
	 */
	Optional<ProjectSettings> find(long projectId);

	/**
	 * Replaces the settings of a project as a whole (a partial update is the caller's
	 * merge).
	 * @return whether the project exists (nothing is stored when it does not)
	 */
	boolean update(long projectId, ProjectSettings settings);

	/**
	 * The inbound filters of a project: {@link ProjectFilters#NONE} while they were never
	 * changed, empty when the project does not exist.
	 */
	Optional<ProjectFilters> findFilters(long projectId);

	/**
	 * Replaces the inbound filters of a project as a whole (a partial update is the
	 * caller's merge).
	 * @return whether the project exists (nothing is stored when it does not)
	 */
	boolean updateFilters(long projectId, ProjectFilters filters);

	/**
	 * Returns a project's performance settings: {@link ProjectPerformance#DEFAULTS} until
	 * changed.
	 * @return empty when the project does not exist
	 */
	Optional<ProjectPerformance> findPerformance(long projectId);

	/**
	 * Replaces a project's performance settings.
	 * @return false when the project does not exist
	 */
	boolean updatePerformance(long projectId, ProjectPerformance performance);

}
