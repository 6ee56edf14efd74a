package dev.faultline.api.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import dev.faultline.api.auth.Caller;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.TokenStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's personal API tokens ({@code /api/0/api-tokens/}): listed, created
 * (the secret shown in that answer only) and revoked. As in Sentry, only a browser
 * session manages them: a token cannot mint or revoke tokens.
 */
@RestController
class ApiTokenController {

	private static final Logger logger = LoggerFactory.getLogger(ApiTokenController.class);

	private static final int MAX_NAME = 255;

	private final TokenStore tokens;

	private final TokenSecrets secrets = new TokenSecrets(new SecureRandom(), Clock.systemUTC());

	ApiTokenController(MetadataStores stores) {
		this.tokens = stores.tokens();
	}

	@GetMapping("/api/0/api-tokens/")
	List<TokenJson.Personal> list(Caller caller) {
		requireSession(caller);
		return this.tokens.listPersonal(caller.user().id())
			.stream()
			.map((token) -> TokenJson.Personal.of(token, null))
			.toList();
	}

	/**
	 * {@code {scopes*, name}} → 201 with the token, its secret included this once.
	 */
	@PostMapping("/api/0/api-tokens/")
	ResponseEntity<TokenJson.Personal> create(Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
		requireSession(caller);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		Set<String> scopes = TokenScopes.parse(body);
		String name = name(body);
		TokenSecrets.NewToken secret = this.secrets.personal();
		ApiToken token = this.tokens.createPersonal(caller.user().id(), name, secret.hash(), secret.lastCharacters(),
				scopes);
		logger.info("User {} created personal API token {}", caller.user().id(), token.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(TokenJson.Personal.of(token, secret.token()));
	}

	/**
	 * Sentry's revocation: {@code {tokenId}} in the body (or {@code ?tokenId=}) → 204.
	 */
	@DeleteMapping("/api/0/api-tokens/")
	ResponseEntity<Void> delete(Caller caller, @RequestBody(required = false) @Nullable JsonNode body,
			@RequestParam(name = "tokenId", required = false) @Nullable String tokenIdParameter) {
		requireSession(caller);
		String tokenId = (body != null && body.has("tokenId")) ? body.path("tokenId").asString() : tokenIdParameter;
		if (tokenId == null || tokenId.isBlank()) {
			throw TokenScopes.fieldError("tokenId", "This field is required.");
		}
		return revoke(caller, tokenId);
	}

	@DeleteMapping("/api/0/api-tokens/{tokenId}/")
	ResponseEntity<Void> deleteOne(Caller caller, @PathVariable String tokenId) {
		requireSession(caller);
		return revoke(caller, tokenId);
	}

	private ResponseEntity<Void> revoke(Caller caller, String tokenId) {
		long id = parseId(tokenId);
		if (!this.tokens.deletePersonal(caller.user().id(), id)) {
			throw ApiException.notFound();
		}
		logger.info("User {} revoked personal API token {}", caller.user().id(), id);
		return ResponseEntity.noContent().build();
	}

	static String name(JsonNode body) {
		JsonNode name = body.path("name");
		String text = name.isString() ? name.asString().trim() : "";
		if (text.length() > MAX_NAME) {
			throw TokenScopes.fieldError("name", "Ensure this field has no more than 255 characters.");
		}
		return text;
	}

	static long parseId(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound();
		}
	}

	private static void requireSession(Caller caller) {
		if (!caller.isSession()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "API tokens can only be managed from a signed-in session.");
		}
	}

}
