package dev.faultline.api.auth;

import java.util.Map;
import java.util.Optional;

import dev.faultline.api.bootstrap.Passwords;
import dev.faultline.api.member.Invitations;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page behind an invitation link
 * ({@code /api/0/accept-invite/{org}/{memberId}/{token}/}, Sentry's path): what the
 * invitation is for, and accepting it. A signed-in user accepts for themselves (with the
 * session's CSRF token); someone without an account creates one for the invited email
 * with a name and password, and is signed in. The link is the credential: a wrong or
 * expired one is answered 404 like a missing invitation.
 */
@RestController
class AcceptInviteController {

	private static final Logger logger = LoggerFactory.getLogger(AcceptInviteController.class);

	private static final String PATH = "/api/0/accept-invite/{organizationSlug}/{memberId}/{token}/";

	private static final int MIN_PASSWORD = 8;

	private final OrganizationStore organizations;

	private final UserStore users;

	private final Sessions sessions;

	private final Invitations invitations;

	private final PasswordEncoder passwords = Passwords.encoder();

	private final boolean httpsUrl;

	AcceptInviteController(OrganizationStore organizations, UserStore users, Sessions sessions, Invitations invitations,
			FaultlineProperties properties) {
		this.organizations = organizations;
		this.users = users;
		this.sessions = sessions;
		this.invitations = invitations;
		this.httpsUrl = properties.publicUrl().regionMatches(true, 0, "https:", 0, 6);
	}

	@GetMapping(PATH)
	Map<String, Object> details(@PathVariable String organizationSlug, @PathVariable String memberId,
			@PathVariable String token, HttpServletRequest request) {
		Organization organization = organization(organizationSlug);
		Invite invite = invite(organization, memberId, token);
		Optional<User> signedIn = sessionUser(request).map(Signed::user);
		boolean existingMember = signedIn
			.flatMap((user) -> this.organizations.findMemberRole(organization.id(), user.id()))
			.isPresent();
		return Map.of("orgSlug", organization.slug(), "organizationName", organization.name(), "email", invite.email(),
				"role", invite.role(), "needsAuthentication", signedIn.isEmpty(), "existingMember", existingMember,
				"hasAccount", this.users.findByEmail(invite.email()).isPresent(), "signedInAs",
				signedIn.map(User::email).orElse(""));
	}

	/**
	 * Signed in: accepts for the session's user. Not signed in: {@code {name, password}}
	 * creates the invited account (none must exist), accepts and signs in.
	 */
	@PostMapping(PATH)
	ResponseEntity<Map<String, Object>> accept(@PathVariable String organizationSlug, @PathVariable String memberId,
			@PathVariable String token, @RequestBody(required = false) @Nullable JsonNode body,
			HttpServletRequest request) {
		Organization organization = organization(organizationSlug);
		Invite invite = invite(organization, memberId, token);
		Optional<Signed> signed = sessionUser(request);
		if (signed.isPresent()) {
			if (!Sessions.csrfMatches(signed.get().session(), request.getHeader(SessionCookies.CSRF_HEADER))) {
				throw new ApiException(HttpStatus.FORBIDDEN, "CSRF token missing or incorrect");
			}
			accept(invite, token, signed.get().user());
			return ResponseEntity.ok(Map.of("orgSlug", organization.slug()));
		}
		if (this.users.findByEmail(invite.email()).isPresent()) {
			throw ApiException.unauthorized("Sign in as " + invite.email() + " to accept the invitation.");
		}
		String name = (body != null) ? body.path("name").asString("").trim() : "";
		String password = (body != null) ? body.path("password").asString("") : "";
		if (password.length() < MIN_PASSWORD) {
			throw ApiException.badRequest("password: Use at least " + MIN_PASSWORD + " characters.");
		}
		User user;
		try {
			user = this.users.create(invite.email(), name.isEmpty() ? invite.email() : name,
					this.passwords.encode(password));
		}
		catch (DuplicateException ex) {
			throw ApiException.unauthorized("Sign in as " + invite.email() + " to accept the invitation.");
		}
		accept(invite, token, user);
		Sessions.NewSession session = this.sessions.create(user.id());
		boolean secure = request.isSecure() || this.httpsUrl;
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE,
					SessionCookies.session(session.token(), Sessions.LIFETIME, secure).toString())
			.header(HttpHeaders.SET_COOKIE,
					SessionCookies.csrf(session.csrfToken(), Sessions.LIFETIME, secure).toString())
			.body(Map.of("orgSlug", organization.slug()));
	}

	private void accept(Invite invite, String token, User user) {
		if (this.invitations.accept(invite.id(), token, user.id()).isEmpty()) {
			throw ApiException.notFound();
		}
		logger.info("User {} accepted invitation {} to organization {}", user.id(), invite.id(),
				invite.organizationId());
	}

	private Organization organization(String slug) {
		return this.organizations.findBySlug(slug).orElseThrow(ApiException::notFound);
	}

	private Invite invite(Organization organization, String memberId, String token) {
		Long inviteId = Invitations.inviteId(memberId);
		if (inviteId == null) {
			throw ApiException.notFound();
		}
		return this.invitations.find(organization, inviteId, token).orElseThrow(ApiException::notFound);
	}

	private Optional<Signed> sessionUser(HttpServletRequest request) {
		String token = SessionCookies.value(request, SessionCookies.SESSION);
		if (token == null) {
			return Optional.empty();
		}
		return this.sessions.find(token)
			.flatMap((session) -> this.users.findById(session.userId()).map((user) -> new Signed(session, user)));
	}

	private record Signed(Session session, User user) {

	}

}
