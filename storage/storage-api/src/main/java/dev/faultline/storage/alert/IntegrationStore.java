package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Notification destinations per organization, unique by name. One transaction per method;
 * thread-safe.
 */
public interface IntegrationStore {

	/**
	 * @throws dev.faultline.storage.metadata.DuplicateException when the organization has
	 * an integration of that name
	 */
	Integration create(long organizationId, String provider, String name, String encryptedConfig);

	/**
	 * Replaces name and settings; empty when it is not one of the organization's.
	 * @throws dev.faultline.storage.metadata.DuplicateException when the name is another
	 * integration's
	 */
	Optional<Integration> update(long organizationId, long id, String name, String encryptedConfig);

	boolean delete(long organizationId, long id);

	Optional<Integration> find(long organizationId, long id);

	/**
	 * Any organization's integration by id: what a dispatcher resolves a notification's
	 * destination with.
	 */
	Optional<Integration> findById(long id);

	/**
	 * The organization's integrations by name.
	 */
	List<Integration> list(long organizationId);

	/**
	 * Records the result of a delivery through the integration (error null when it
	 * succeeded).
	 */
	void recordDelivery(long id, Instant at, @Nullable String error);

}
