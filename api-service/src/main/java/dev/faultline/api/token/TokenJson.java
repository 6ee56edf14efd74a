package dev.faultline.api.token;

import java.util.List;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.ApiToken;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's renderings of tokens. {@code token} is the secret, present only in the answer
 * to the request that created it.
 */
final class TokenJson {

	private TokenJson() {
	}

	/**
	 * A personal token ({@code /api-tokens/}); {@code dateLastUsed} is Faultline's
	 * addition.
	 */
	record Personal(String id, List<String> scopes, String name, @Nullable Object application,
			@Nullable String expiresAt, String dateCreated, @Nullable String dateLastUsed, @Nullable String state,
			@Nullable String token, @Nullable String refreshToken, String tokenLastCharacters) {

		static Personal of(ApiToken token, @Nullable String secret) {
			return new Personal(Long.toString(token.id()), token.scopes().stream().sorted().toList(), token.name(),
					null, null, ApiDates.format(token.dateCreated()), ApiDates.formatNullable(token.dateLastUsed()),
					null, secret, null, token.lastCharacters());
		}

	}

	/**
	 * An organization token ({@code /org-auth-tokens/}); {@code createdBy} is Faultline's
	 * addition (the member's user id).
	 */
	record Organization(String id, String name, List<String> scopes, String tokenLastCharacters, String dateCreated,
			@Nullable String dateLastUsed, @Nullable String projectLastUsedId, String createdBy,
			@Nullable String token) {

		static Organization of(ApiToken token, @Nullable String secret) {
			return new Organization(Long.toString(token.id()), token.name(), token.scopes().stream().sorted().toList(),
					token.lastCharacters(), ApiDates.format(token.dateCreated()),
					ApiDates.formatNullable(token.dateLastUsed()), null, Long.toString(token.userId()), secret);
		}

	}

}
