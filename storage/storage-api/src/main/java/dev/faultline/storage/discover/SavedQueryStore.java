package dev.faultline.storage.discover;

import java.util.List;
import java.util.Optional;

/**
 * Saved Discover queries of an organization, each its owner's alone or shared with the
 * organization. Reads and writes are scoped by organization and by what the asking user
 * sees: its own queries and the shared ones; only the owner changes or deletes a query.
 * Thread-safe.
 */
public interface SavedQueryStore {

	/**
	 * Saves a query.
	 * @param organizationId the organization
	 * @param ownerUserId who saves it
	 * @param name its name
	 * @param shared whether the organization sees it
	 * @param body the query as JSON
	 * @return the saved query with its id
	 */
	SavedQuery create(long organizationId, long ownerUserId, String name, boolean shared, String body);

	/**
	 * The queries a user sees in the organization (its own and the shared ones), newest
	 * change first.
	 */
	List<SavedQuery> listVisible(long organizationId, long userId);

	/**
	 * One query the user sees.
	 * @return the query, or empty when it does not exist, is of another organization, or
	 * is another user's and not shared
	 */
	Optional<SavedQuery> findVisible(long organizationId, long queryId, long userId);

	/**
	 * Replaces a query the user owns.
	 * @return the changed query, or empty when the user owns no such query
	 */
	Optional<SavedQuery> update(long organizationId, long queryId, long userId, String name, boolean shared,
			String body);

	/**
	 * Deletes a query the user owns.
	 * @return whether one was deleted
	 */
	boolean delete(long organizationId, long queryId, long userId);

}
