package dev.faultline.api.bootstrap;

import java.security.SecureRandom;
import java.util.Optional;

import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sets up a fresh installation so that it can be used at once, and registers the
 * operator's API token.
 *
 * <p>
 * With no organization yet: creates the organization {@code faultline.admin.organization}
 * with a team of the same slug (Sentry's default team), the administrator
 * {@code faultline.admin.email} as its owner and the team's admin, with
 * {@code faultline.admin.password} or, when unset, a generated password logged once at
 * WARN. On every start: registers {@code faultline.admin.token} (only its hash) for the
 * administrator with every scope, unless already registered, so that a token can be added
 * to an existing installation. Then, on every start, logs where the web UI is and how to
 * sign in ({@link SignInNotice}).
 *
 * <p>
 * Every step tolerates a concurrent replica doing the same: a {@link DuplicateException}
 * means the other replica won, and the row is read back.
 */
@Component
class FirstStartBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstStartBootstrap.class);

	static final String TOKEN_NAME = "faultline.admin.token";

	private final OrganizationStore organizations;

	private final UserStore users;

	private final MembershipStore memberships;

	private final FaultlineProperties.Admin admin;

	private final PasswordEncoder passwordEncoder;

	private final SignInNotice notice;

	private boolean passwordGenerated;

	@Autowired
	FirstStartBootstrap(MetadataStores stores, FaultlineProperties properties, Environment environment) {
		this(stores.organizations(), stores.users(), stores.memberships(), properties.admin(), Passwords.encoder(),
				new SignInNotice(properties.publicUrl(), environment.getProperty("local.server.port", Integer.class)));
	}

	FirstStartBootstrap(OrganizationStore organizations, UserStore users, MembershipStore memberships,
			FaultlineProperties.Admin admin, PasswordEncoder passwordEncoder, SignInNotice notice) {
		this.organizations = organizations;
		this.users = users;
		this.memberships = memberships;
		this.admin = admin;
		this.passwordEncoder = passwordEncoder;
		this.notice = notice;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.organizations.isEmpty()) {
			createFirstOrganization();
		}
		if (this.admin.token() != null && !this.admin.token().isBlank()) {
			registerToken(this.admin.token().trim());
		}
		String configured = this.admin.password();
		SignInNotice.Password password = this.passwordGenerated ? SignInNotice.Password.GENERATED_ABOVE
				: (configured != null && !configured.isEmpty()) ? SignInNotice.Password.CONFIGURED
						: SignInNotice.Password.GENERATED_AT_FIRST_START;
		logger.info(this.notice.text(this.admin.email(), password));
	}

	private void createFirstOrganization() {
		String slug = this.admin.organization();
		Organization organization;
		try {
			organization = this.organizations.create(slug, slug);
			logger.info("First start: created organization {} ({})", organization.id(), slug);
		}
		catch (DuplicateException ex) {
			organization = this.organizations.findBySlug(slug).orElseThrow(() -> ex);
		}
		Team team;
		try {
			team = this.organizations.createTeam(organization.id(), slug, slug);
		}
		catch (DuplicateException ex) {
			// Another replica created it.
			team = this.organizations.findTeam(organization.id(), slug).orElseThrow(() -> ex);
		}
		User user = findOrCreateAdmin();
		this.organizations.addMember(organization.id(), user.id(), "owner");
		this.memberships.addTeamMember(organization.id(), team.id(), user.id(), "admin");
	}

	private User findOrCreateAdmin() {
		Optional<User> existing = this.users.findByEmail(this.admin.email());
		if (existing.isPresent()) {
			return existing.get();
		}
		String configured = this.admin.password();
		boolean generated = configured == null || configured.isEmpty();
		String password = generated ? Passwords.generate(new SecureRandom()) : configured;
		User user;
		try {
			user = this.users.create(this.admin.email(), this.admin.email(), this.passwordEncoder.encode(password));
		}
		catch (DuplicateException ex) {
			// Another replica created the administrator; its password (if generated) is
			// the one it logged.
			return this.users.findByEmail(this.admin.email()).orElseThrow(() -> ex);
		}
		logger.info("First start: created administrator {} (user {})", user.email(), user.id());
		if (generated) {
			logGeneratedPassword(user.email(), password);
			this.passwordGenerated = true;
		}
		return user;
	}

	private static void logGeneratedPassword(String email, String password) {
		// The only time this password is ever shown: it is not stored in clear anywhere.
		logger.warn("""

				****************************************************************
				  Faultline administrator created with a generated password.
				  Sign in as:  {}
				  Password:    {}
				  This is the only time the password is shown. Set
				  FAULTLINE_ADMIN_PASSWORD before the first start to choose one.
				****************************************************************""", email, password);
	}

	private void registerToken(String token) {
		String hash = ApiTokens.hash(token);
		if (this.users.findTokenByHash(hash).isPresent()) {
			return;
		}
		@Nullable User user = this.users.findByEmail(this.admin.email()).orElse(null);
		if (user == null) {
			logger.warn("faultline.admin.token is set but the administrator {} does not exist; token not registered",
					this.admin.email());
			return;
		}
		try {
			this.users.createToken(user.id(), TOKEN_NAME, hash, Scopes.ALL);
			logger.info("Registered the configured administrator API token for user {}", user.id());
		}
		catch (DuplicateException ex) {
			// Another replica registered it.
		}
	}

}
