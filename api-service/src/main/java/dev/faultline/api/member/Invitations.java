package dev.faultline.api.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.organization.PeopleProperties;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Invitations: each carries a 32-byte random secret, known only to the link made with it
 * (only its SHA-256 is stored), valid for {@code faultline.people.invite-lifetime}. The
 * link is mailed when an SMTP server is configured and handed to the inviter in any case,
 * to copy. Thread-safe.
 */
@Component
public class Invitations {

	private final MembershipStore memberships;

	private final InviteMailer mailer;

	private final PeopleProperties properties;

	private final String publicUrl;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	Invitations(MetadataStores stores, InviteMailer mailer, PeopleProperties properties,
			FaultlineProperties faultline) {
		this(stores.memberships(), mailer, properties, faultline.publicUrl(), Clock.systemUTC());
	}

	Invitations(MembershipStore memberships, InviteMailer mailer, PeopleProperties properties, String publicUrl,
			Clock clock) {
		this.memberships = memberships;
		this.mailer = mailer;
		this.properties = properties;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	/**
	 * Stores an invitation and sends it (when mail is configured and {@code send}).
	 * @throws dev.faultline.storage.metadata.DuplicateException when the organization has
	 * an invitation for this email
	 */
	Sent invite(Organization organization, String email, String role, Set<Long> teamIds, long inviterId,
			String inviterName, boolean send) {
		String secret = secret();
		Invite invite = this.memberships.createInvite(organization.id(), email, role, teamIds, ApiTokens.hash(secret),
				inviterId, this.clock.instant().plus(this.properties.inviteLifetime()));
		return deliver(organization, invite, secret, inviterName, send);
	}

	/**
	 * Gives the invitation a new secret and lifetime (the old link stops working), and
	 * sends it again when {@code send}.
	 */
	Optional<Sent> renew(Organization organization, long inviteId, String inviterName, boolean send) {
		String secret = secret();
		return this.memberships
			.renewInvite(organization.id(), inviteId, ApiTokens.hash(secret),
					this.clock.instant().plus(this.properties.inviteLifetime()))
			.map((invite) -> deliver(organization, invite, secret, inviterName, send));
	}

	/**
	 * The invitation of a link, when its secret is right and it has not expired.
	 */
	public Optional<Invite> find(Organization organization, long inviteId, String secret) {
		return this.memberships.findInvite(organization.id(), inviteId)
			.filter((invite) -> invite.tokenHash().equals(ApiTokens.hash(secret)))
			.filter((invite) -> !invite.isExpired(this.clock.instant()));
	}

	/**
	 * Makes the user a member as the invitation says.
	 * @return the invitation, or empty when the link is wrong or expired
	 */
	public Optional<Invite> accept(long inviteId, String secret, long userId) {
		return this.memberships.acceptInvite(inviteId, ApiTokens.hash(secret), userId, this.clock.instant());
	}

	boolean isExpired(Invite invite) {
		return invite.isExpired(this.clock.instant());
	}

	/**
	 * The invitation's id in member URLs and JSON ({@code i} and its number), or null
	 * when {@code memberId} names no invitation.
	 */
	public static @Nullable Long inviteId(String memberId) {
		if (!memberId.startsWith(MemberJson.INVITE_PREFIX)) {
			return null;
		}
		try {
			return Long.parseLong(memberId.substring(MemberJson.INVITE_PREFIX.length()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Sent deliver(Organization organization, Invite invite, String secret, String inviterName, boolean send) {
		String link = this.publicUrl + "/accept/" + organization.slug() + "/" + MemberJson.INVITE_PREFIX + invite.id()
				+ "/" + secret + "/";
		boolean mailed = send && this.mailer
			.send(new InviteMailer.InviteMail(invite.email(), organization.name(), inviterName, invite.role(), link));
		return new Sent(invite, link, mailed);
	}

	private String secret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	boolean mailConfigured() {
		return this.mailer.isConfigured();
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * An invitation as stored, its link (shown once, to the inviter) and whether it was
	 * mailed.
	 */
	record Sent(Invite invite, String link, boolean mailed) {

	}

}
