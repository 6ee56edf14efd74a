package dev.faultline.api.auth;

import java.util.Collection;
import java.util.Set;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.User;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user of a Web API request: by an API token, or by a signed-in browser
 * session (then {@code token} is null). Controllers receive it as a parameter.
 *
 * <p>
 * A session grants, in each organization, the scopes of the user's role there
 * ({@link Scopes#forRole}); where no organization is involved, the scopes every member
 * holds. A personal token grants its scopes as far as its user's role allows them
 * ({@link Scopes#limitedTo}). An organization token grants its scopes in its organization
 * and reaches no other ({@link Access}); {@code user} is then the member who created it,
 * for the record only.
 */
public record Caller(User user, @Nullable ApiToken token) {

	/**
	 * Whether the caller signed in with a browser session rather than a token.
	 */
	public boolean isSession() {
		return this.token == null;
	}

	/**
	 * Whether the caller is an organization token (which acts for no user).
	 */
	public boolean isOrganizationToken() {
		return this.token != null && this.token.isOrganizationToken();
	}

	/**
	 * The organization an organization token belongs to; null for users.
	 */
	public @Nullable Long tokenOrganizationId() {
		return (this.token != null) ? this.token.organizationId() : null;
	}

	/**
	 * The scopes outside any one organization.
	 */
	public Set<String> scopes() {
		return (this.token != null) ? this.token.scopes() : Scopes.forRole(Scopes.MEMBER_ROLE);
	}

	/**
	 * The scopes inside an organization where the user has {@code role} (ignored for an
	 * organization token).
	 */
	public Set<String> scopesIn(String role) {
		if (this.token == null) {
			return Scopes.forRole(role);
		}
		return this.token.isOrganizationToken() ? this.token.scopes() : Scopes.limitedTo(this.token.scopes(), role);
	}

	/**
	 * @throws ApiException 403 when the caller lacks the scope
	 */
	public void requireScope(String scope) {
		if (!Scopes.grants(scopes(), scope)) {
			throw ApiException.forbidden();
		}
	}

	/**
	 * @param role the caller's role in the organization the scopes are needed in
	 * @throws ApiException 403 when the caller holds none of the scopes there
	 */
	public void requireAnyScope(Collection<String> scopes, String role) {
		Set<String> held = scopesIn(role);
		if (scopes.stream().noneMatch((scope) -> Scopes.grants(held, scope))) {
			throw ApiException.forbidden();
		}
	}

	/**
	 * @param role the caller's role in the organization the scope is needed in
	 * @throws ApiException 403 when the caller lacks the scope there
	 */
	public void requireScope(String scope, String role) {
		if (!Scopes.grants(scopesIn(role), scope)) {
			throw ApiException.forbidden();
		}
	}

}
