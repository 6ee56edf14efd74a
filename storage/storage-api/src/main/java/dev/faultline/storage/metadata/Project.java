package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A project: the unit events are sent to (the number at the end of a DSN is its id).
 *
 * @param teamId the owning team
 * @param platform Sentry platform identifier such as {@code java} or {@code node}; may be
 * empty
 * @param firstEvent when the project's first event happened (the first seen time of its
 * first issue, Sentry's {@code firstEvent}); null until an issue is created, then never
 * cleared, even when its issues are deleted
 */
public record Project(long id, long organizationId, long teamId, String slug, String name, String platform,
		Instant dateCreated, @Nullable Instant firstEvent) {

	public Project {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

	/**
	 * A project without events yet.
	 */
	public Project(long id, long organizationId, long teamId, String slug, String name, String platform,
			Instant dateCreated) {
		this(id, organizationId, teamId, slug, name, platform, dateCreated, null);
	}

}
