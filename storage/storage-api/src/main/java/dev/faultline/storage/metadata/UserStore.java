package dev.faultline.storage.metadata;

import java.util.Optional;
import java.util.Set;

/**
 * Users and their API tokens. Thread-safe.
 */
public interface UserStore {

	/**
	 * @param email compared case-insensitively; stored as given
	 * @throws DuplicateException when a user has this email
	 */
	User create(String email, String name, String passwordHash);

	Optional<User> findById(long id);

	/**
	 * Finds a user by email, ignoring case.
	 */
	Optional<User> findByEmail(String email);

	/**
	 * @throws DuplicateException when a token with this hash exists
	 */
	ApiToken createToken(long userId, String name, String tokenHash, Set<String> scopes);

	Optional<ApiToken> findTokenByHash(String tokenHash);

}
