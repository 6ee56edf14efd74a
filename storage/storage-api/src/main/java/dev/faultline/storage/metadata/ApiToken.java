package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token of a user for the Web API. Only a hash of the token is stored.
 *
 * @param tokenHash lower-case hex SHA-256 of the token
 * @param scopes Sentry scope names such as {@code org:read} or {@code project:write}
 */
public record ApiToken(long id, long userId, String name, String tokenHash, Set<String> scopes, Instant dateCreated) {

	public ApiToken {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(tokenHash, "tokenHash");
		scopes = Set.copyOf(scopes);
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
