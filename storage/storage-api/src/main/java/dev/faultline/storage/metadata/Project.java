package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A project: the unit events are sent to (the number at the end of a DSN is its id).
 *
 * @param teamId the owning team
 * @param platform Sentry platform identifier such as {@code java} or {@code node}; may be
 * empty
 */
public record Project(long id, long organizationId, long teamId, String slug, String name, String platform,
		Instant dateCreated) {

	public Project {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
