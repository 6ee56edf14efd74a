package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: users' personal tokens and organizations' tokens. Only token hashes are
 * stored; a token is shown once by the service that creates it. Revoking a token deletes
 * it, so it stops authenticating at once on every replica. Thread-safe.
 */
public interface TokenStore {

	/**
	 * Stores a personal token of the user.
	 * @param lastCharacters the token's last characters, shown in lists
	 * @throws DuplicateException when a token with this hash exists
	 * @throws IllegalArgumentException when a scope is empty or contains whitespace
	 */
	ApiToken createPersonal(long userId, String name, String tokenHash, String lastCharacters, Set<String> scopes);

	/**
	 * Stores a token of the organization.
	 * @param createdBy the user who created it
	 * @throws DuplicateException when a token with this hash exists
	 * @throws IllegalArgumentException when a scope is empty or contains whitespace
	 */
	ApiToken createForOrganization(long organizationId, long createdBy, String name, String tokenHash,
			String lastCharacters, Set<String> scopes);

	/**
	 * The token with this hash, personal or of an organization.
	 */
	Optional<ApiToken> findByHash(String tokenHash);

	/**
	 * The user's personal tokens (never organization tokens they created), oldest first.
	 */
	List<ApiToken> listPersonal(long userId);

	/**
	 * The organization's tokens, oldest first.
	 */
	List<ApiToken> listForOrganization(long organizationId);

	/**
	 * Deletes a personal token of the user; returns whether it existed (a token of
	 * another user or of an organization is left alone).
	 */
	boolean deletePersonal(long userId, long tokenId);

	/**
	 * Deletes a token of the organization; returns whether it existed there.
	 */
	boolean deleteForOrganization(long organizationId, long tokenId);

	/**
	 * Renames a token of the organization; returns it, or empty when it is not there.
	 */
	Optional<ApiToken> renameForOrganization(long organizationId, long tokenId, String name);

	/**
	 * Records that the token authenticated a request at {@code at}; the recorded time
	 * never moves backwards.
	 */
	void recordUse(long tokenId, Instant at);

}
