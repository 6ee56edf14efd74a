package dev.faultline.storage.discover;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A saved Discover query.
 *
 * @param id the query's id
 * @param organizationId its organization
 * @param ownerUserId who saved it; null once that user is gone (then it is kept only when
 * shared)
 * @param name its name, not blank
 * @param shared whether every member of the organization sees it (else only its owner)
 * @param body the query itself as the Web API's JSON (fields, query, projects, range…),
 * opaque to the store
 * @param createdAt when it was saved
 * @param updatedAt when it last changed
 */
public record SavedQuery(long id, long organizationId, @Nullable Long ownerUserId, String name, boolean shared,
		String body, Instant createdAt, Instant updatedAt) {

	public SavedQuery {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

}
