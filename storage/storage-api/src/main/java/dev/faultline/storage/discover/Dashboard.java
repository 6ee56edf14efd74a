package dev.faultline.storage.discover;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A dashboard of an organization.
 *
 * @param id the dashboard's id
 * @param organizationId its organization
 * @param createdBy who created it; null for one the server made (the default dashboard)
 * or once that user is gone
 * @param title its title, unique in the organization
 * @param body its widgets, filters and layout as the Web API's JSON, opaque to the store
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Dashboard(long id, long organizationId, @Nullable Long createdBy, String title, String body,
		Instant createdAt, Instant updatedAt) {

	public Dashboard {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

}
