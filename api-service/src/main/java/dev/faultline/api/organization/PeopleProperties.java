package dev.faultline.api.organization;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Organizations and their people ({@code faultline.people.*}).
 *
 * @param organizationCreation who may create organizations: {@code any-user} (Sentry
 * self-hosted's default) or {@code instance-admin}
 * @param inviteLifetime how long an invitation can be accepted
 * @param mail the SMTP server invitations are sent through; without a host, invitations
 * are not mailed and the inviter copies the link instead
 */
@ConfigurationProperties("faultline.people")
public record PeopleProperties(@DefaultValue("any-user") String organizationCreation,
		@DefaultValue("7d") Duration inviteLifetime, @DefaultValue Mail mail) {

	public PeopleProperties {
		if (!organizationCreation.equals("any-user") && !organizationCreation.equals("instance-admin")) {
			throw new IllegalArgumentException(
					"faultline.people.organization-creation must be any-user or instance-admin, not '"
							+ organizationCreation + "'");
		}
		if (inviteLifetime.isNegative() || inviteLifetime.isZero()) {
			throw new IllegalArgumentException("faultline.people.invite-lifetime must be positive");
		}
	}

	/** Whether only the instance administrator may create organizations. */
	public boolean onlyAdminsCreateOrganizations() {
		return this.organizationCreation.equals("instance-admin");
	}

	/**
	 * @param host blank: mail is not configured
	 */
	public record Mail(@DefaultValue("") String host, @DefaultValue("25") int port,
			@DefaultValue("faultline@localhost") String from, @Nullable String username, @Nullable String password,
			@DefaultValue("false") boolean startTls) {

		public boolean configured() {
			return !this.host.isBlank();
		}

	}

}
