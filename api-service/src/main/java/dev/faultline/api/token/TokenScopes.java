package dev.faultline.api.token;

import java.util.Set;
import java.util.TreeSet;

import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code scopes} of a new personal token: a non-empty array of Sentry's scope
 * names; anything else is a 400 naming the offending value.
 */
final class TokenScopes {

	private TokenScopes() {
	}

	static Set<String> parse(JsonNode body) {
		JsonNode scopes = body.path("scopes");
		if (!scopes.isArray() || scopes.isEmpty()) {
			throw fieldError("scopes", "At least one scope is required.");
		}
		Set<String> parsed = new TreeSet<>();
		for (JsonNode scope : scopes.values()) {
			String name = scope.isString() ? scope.asString() : "";
			if (!Scopes.ALL.contains(name)) {
				throw fieldError("scopes", "Invalid scope: " + (scope.isString() ? name : scope.toString()));
			}
			parsed.add(name);
		}
		return parsed;
	}

	static ApiException fieldError(String field, String message) {
		return ApiException.badRequest(field + ": " + message);
	}

}
