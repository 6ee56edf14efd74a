package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A named issue search of an organization.
 *
 * @param ownerUserId the user who saved it; it is visible to that user only unless
 * {@code shared}
 * @param sort an issue list sort name ({@code date}, {@code new}, {@code freq},
 * {@code user})
 * @param shared visible to every member of the organization (Sentry's
 * {@code visibility: organization})
 */
public record SavedSearch(long id, long organizationId, @Nullable Long ownerUserId, String name, String query,
		String sort, boolean shared, Instant createdAt) {

	public SavedSearch {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(sort, "sort");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
