package dev.faultline.storage.metadata;

import java.util.Objects;

/**
 * A user's membership of an organization.
 */
public record Member(User user, String role) {

	public Member {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(role, "role");
	}

}
