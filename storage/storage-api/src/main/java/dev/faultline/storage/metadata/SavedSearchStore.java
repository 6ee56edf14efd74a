package dev.faultline.storage.metadata;

import java.util.List;

/**
 * Saved issue searches.
 */
public interface SavedSearchStore {

	/**
	 * Saves a search owned by {@code ownerUserId}.
	 * @throws DuplicateException when the owner (or, for shared searches, the
	 * organization) already has a search of that name
	 */
	SavedSearch create(long organizationId, long ownerUserId, String name, String query, String sort, boolean shared);

	/**
	 * The searches {@code userId} sees in the organization: its own and the shared ones,
	 * by name.
	 */
	List<SavedSearch> listVisible(long organizationId, long userId);

	/**
	 * Deletes a search of the organization that {@code userId} owns; returns whether one
	 * was deleted.
	 */
	boolean delete(long organizationId, long searchId, long userId);

}
