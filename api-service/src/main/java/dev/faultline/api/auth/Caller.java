package dev.faultline.api.auth;

import java.util.Set;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.User;

/**
 * The authenticated user of a Web API request and the token it came with. Controllers
 * receive it as a parameter.
 */
public record Caller(User user, ApiToken token) {

	public Set<String> scopes() {
		return this.token.scopes();
	}

	/**
	 * @throws ApiException 403 when the token lacks the scope
	 */
	public void requireScope(String scope) {
		if (!Scopes.grants(this.token.scopes(), scope)) {
			throw ApiException.forbidden();
		}
	}

}
