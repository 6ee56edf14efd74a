package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An invitation to join an organization, pending until accepted. Only the SHA-256 of its
 * secret is stored.
 *
 * @param role the organization role the member gets
 * @param teamIds the teams (of the same organization) the member joins
 * @param inviterUserId who invited; null once that user is gone
 */
public record Invite(long id, long organizationId, String email, String role, List<Long> teamIds, String tokenHash,
		@Nullable Long inviterUserId, Instant dateCreated, Instant expiresAt) {

	public Invite {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		teamIds = List.copyOf(teamIds);
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(dateCreated, "dateCreated");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** Whether the invitation can no longer be accepted at {@code now}. */
	public boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
