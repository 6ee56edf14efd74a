package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of a team.
 *
 * @param role Sentry's team role, {@code contributor} or {@code admin}
 */
public record TeamMember(long teamId, User user, String role, Instant dateCreated) {

	public TeamMember {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
