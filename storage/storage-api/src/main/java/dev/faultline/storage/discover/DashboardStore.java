package dev.faultline.storage.discover;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Dashboards of an organization, seen and edited by its members. Titles are unique per
 * organization (Sentry's rule). Thread-safe.
 */
public interface DashboardStore {

	/**
	 * Creates a dashboard.
	 * @param createdBy the user, or null for the server's own
	 * @throws dev.faultline.storage.metadata.DuplicateException when the organization has
	 * a dashboard of that title
	 */
	Dashboard create(long organizationId, @Nullable Long createdBy, String title, String body);

	/** The organization's dashboards by title. */
	List<Dashboard> list(long organizationId);

	/** One dashboard of the organization. */
	Optional<Dashboard> find(long organizationId, long dashboardId);

	/**
	 * Replaces a dashboard's title and body.
	 * @return the changed dashboard, or empty when the organization has no such one
	 * @throws dev.faultline.storage.metadata.DuplicateException when another dashboard
	 * has that title
	 */
	Optional<Dashboard> update(long organizationId, long dashboardId, String title, String body);

	/**
	 * Deletes a dashboard.
	 * @return whether one was deleted
	 */
	boolean delete(long organizationId, long dashboardId);

}
