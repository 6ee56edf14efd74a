package dev.faultline.api.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.TokenStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's tokens for CI ({@code /api/0/organizations/{org}/org-auth-tokens/}),
 * with Sentry's rules: every member may list and create them (scope {@code org:ci} only),
 * a token is revoked by its creator or by a member with {@code org:write}; tokens
 * themselves cannot manage tokens.
 */
@RestController
@EnableConfigurationProperties(TokenProperties.class)
class OrgAuthTokenController {

	private static final Logger logger = LoggerFactory.getLogger(OrgAuthTokenController.class);

	private static final String BASE = "/api/0/organizations/{organizationSlug}/org-auth-tokens/";

	private final Access access;

	private final TokenStore tokens;

	private final String url;

	private final TokenSecrets secrets = new TokenSecrets(new SecureRandom(), Clock.systemUTC());

	OrgAuthTokenController(Access access, MetadataStores stores, FaultlineProperties properties,
			TokenProperties tokenProperties) {
		this.access = access;
		this.tokens = stores.tokens();
		String configured = tokenProperties.url();
		String url = (configured != null && !configured.isBlank()) ? configured.trim() : properties.publicUrl();
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@GetMapping(BASE)
	List<TokenJson.Organization> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = organization(caller, organizationSlug, Scopes.ORG_READ);
		return this.tokens.listForOrganization(organization.id())
			.stream()
			.map((token) -> TokenJson.Organization.of(token, null))
			.toList();
	}

	/**
	 * {@code {name*}} → 201 with the token, its secret included this once.
	 */
	@PostMapping(BASE)
	ResponseEntity<TokenJson.Organization> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = organization(caller, organizationSlug, Scopes.ORG_READ);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		String name = ApiTokenController.name(body);
		if (name.isEmpty()) {
			throw TokenScopes.fieldError("name", "The name cannot be blank.");
		}
		TokenSecrets.NewToken secret = this.secrets.organization(organization.slug(), this.url);
		ApiToken token = this.tokens.createForOrganization(organization.id(), caller.user().id(), name, secret.hash(),
				secret.lastCharacters(), Set.of(Scopes.ORG_CI));
		logger.info("User {} created token {} of organization {}", caller.user().id(), token.id(), organization.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(TokenJson.Organization.of(token, secret.token()));
	}

	@GetMapping(BASE + "{tokenId}/")
	TokenJson.Organization detail(Caller caller, @PathVariable String organizationSlug, @PathVariable String tokenId) {
		Organization organization = organization(caller, organizationSlug, Scopes.ORG_READ);
		return TokenJson.Organization.of(find(organization, tokenId), null);
	}

	/**
	 * {@code {name*}}: renames the token → 204, as Sentry answers.
	 */
	@PutMapping(BASE + "{tokenId}/")
	ResponseEntity<Void> rename(Caller caller, @PathVariable String organizationSlug, @PathVariable String tokenId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = organization(caller, organizationSlug, Scopes.ORG_READ);
		ApiToken token = find(organization, tokenId);
		requireCreatorOrWriter(caller, organization, token);
		String name = (body != null && body.isObject()) ? ApiTokenController.name(body) : "";
		if (name.isEmpty()) {
			throw TokenScopes.fieldError("name", "The name cannot be blank.");
		}
		this.tokens.renameForOrganization(organization.id(), token.id(), name).orElseThrow(ApiException::notFound);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(BASE + "{tokenId}/")
	ResponseEntity<Void> revoke(Caller caller, @PathVariable String organizationSlug, @PathVariable String tokenId) {
		Organization organization = organization(caller, organizationSlug, Scopes.ORG_READ);
		ApiToken token = find(organization, tokenId);
		requireCreatorOrWriter(caller, organization, token);
		if (!this.tokens.deleteForOrganization(organization.id(), token.id())) {
			throw ApiException.notFound();
		}
		logger.info("User {} revoked token {} of organization {}", caller.user().id(), token.id(), organization.id());
		return ResponseEntity.noContent().build();
	}

	private Organization organization(Caller caller, String slug, String scope) {
		Organization organization = this.access.organization(caller, slug, scope);
		if (caller.isOrganizationToken()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Organization tokens cannot manage tokens.");
		}
		return organization;
	}

	private ApiToken find(Organization organization, String tokenId) {
		long id = ApiTokenController.parseId(tokenId);
		return this.tokens.listForOrganization(organization.id())
			.stream()
			.filter((token) -> token.id() == id)
			.findFirst()
			.orElseThrow(ApiException::notFound);
	}

	private void requireCreatorOrWriter(Caller caller, Organization organization, ApiToken token) {
		if (token.userId() == caller.user().id()) {
			return;
		}
		caller.requireScope(Scopes.ORG_WRITE, this.access.role(caller, organization.id()));
	}

}
