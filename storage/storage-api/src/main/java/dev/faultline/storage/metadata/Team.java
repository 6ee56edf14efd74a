package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

public record Team(long id, long organizationId, String slug, String name, Instant dateCreated) {

	public Team {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
