package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token for the Web API. Only a hash of the token is stored.
 *
 * <p>
 * A <em>personal</em> token ({@code organizationId} null) acts as its user, within the
 * organizations the user is a member of. An <em>organization</em> token (Sentry's
 * {@code sntrys_} tokens for CI) belongs to one organization and reaches nothing else;
 * {@code userId} is then the member who created it, kept for the record.
 *
 * @param tokenHash lower-case hex SHA-256 of the token
 * @param scopes Sentry scope names such as {@code org:read} or {@code project:write}
 * @param lastCharacters the token's last characters, to recognise it in a list (empty for
 * tokens created before they were recorded)
 * @param dateLastUsed when the token last authenticated a request, at the store's
 * granularity (see {@link TokenStore#recordUse}); null when never
 */
public record ApiToken(long id, long userId, @Nullable Long organizationId, String name, String tokenHash,
		Set<String> scopes, String lastCharacters, Instant dateCreated, @Nullable Instant dateLastUsed) {

	public ApiToken {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(tokenHash, "tokenHash");
		scopes = Set.copyOf(scopes);
		Objects.requireNonNull(lastCharacters, "lastCharacters");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

	/**
	 * A personal token without recorded last characters or use.
	 */
	public ApiToken(long id, long userId, String name, String tokenHash, Set<String> scopes, Instant dateCreated) {
		this(id, userId, null, name, tokenHash, scopes, "", dateCreated, null);
	}

	/**
	 * Whether the token belongs to an organization rather than to a user.
	 */
	public boolean isOrganizationToken() {
		return this.organizationId != null;
	}

}
