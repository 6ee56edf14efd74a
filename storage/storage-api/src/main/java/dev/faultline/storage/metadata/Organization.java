package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant. Every other metadata row belongs to exactly one organization.
 */
public record Organization(long id, String slug, String name, Instant dateCreated) {

	public Organization {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
