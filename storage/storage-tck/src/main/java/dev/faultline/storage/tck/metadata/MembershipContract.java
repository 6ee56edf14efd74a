package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.TeamMember;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of {@link MembershipStore}: roles, removal that keeps the organization's
 * data, team membership limited to the organization's members and teams, invitations
 * accepted once and only with their secret before they expire, and no reach into another
 * organization by id.
 */
public abstract class MembershipContract extends IssueWorkflowFixture {

	private MembershipStore memberships() {
		return this.stores.memberships();
	}

	@Test
	void rolesChangeAndOwnersAreCounted() {
		assertThat(memberships().countOwners(this.org.id())).isEqualTo(1);
		assertThat(memberships().changeRole(this.org.id(), this.bob.id(), "owner")).isTrue();
		assertThat(memberships().countOwners(this.org.id())).isEqualTo(2);
		assertThat(this.stores.organizations().findMemberRole(this.org.id(), this.bob.id())).contains("owner");
		Organization other = this.stores.organizations().create("other", "Other");
		assertThat(memberships().changeRole(other.id(), this.bob.id(), "admin")).isFalse();
		assertThat(this.stores.organizations().findMemberRole(other.id(), this.bob.id())).isEmpty();
	}

	@Test
	void removingAMemberTakesThemOffTeamsButKeepsTheirWork() {
		assertThat(memberships().addTeamMember(this.org.id(), this.team.id(), this.bob.id(), "contributor")).isTrue();
		var issue = issue("h1");
		this.stores.issues().addComment(issue.id(), this.bob.id(), "looking");

		assertThat(memberships().removeMember(this.org.id(), this.bob.id())).isTrue();
		assertThat(this.stores.organizations().findMemberRole(this.org.id(), this.bob.id())).isEmpty();
		assertThat(memberships().listTeamMembers(this.org.id(), this.team.id())).extracting(TeamMember::user)
			.doesNotContain(this.bob);
		assertThat(this.stores.issues().findById(issue.id())).isPresent();
		assertThat(this.stores.users().findById(this.bob.id())).isPresent();
		assertThat(memberships().removeMember(this.org.id(), this.bob.id())).isFalse();
	}

	@Test
	void teamsTakeOnlyTheOrganizationsMembers() {
		Organization other = this.stores.organizations().create("other", "Other");
		Team theirs = this.stores.organizations().createTeam(other.id(), "theirs", "Theirs");
		User carol = this.stores.users().create("carol@example.com", "Carol", "hash");

		assertThat(memberships().addTeamMember(this.org.id(), this.team.id(), this.bob.id(), "contributor")).isTrue();
		assertThat(memberships().addTeamMember(this.org.id(), this.team.id(), this.bob.id(), "admin")).isTrue();
		assertThat(memberships().addTeamMember(this.org.id(), this.team.id(), carol.id(), "contributor")).isFalse();
		assertThat(memberships().addTeamMember(this.org.id(), theirs.id(), this.bob.id(), "contributor")).isFalse();
		assertThat(memberships().addTeamMember(other.id(), this.team.id(), this.bob.id(), "contributor")).isFalse();

		assertThat(memberships().listTeamMembers(this.org.id(), this.team.id()))
			.extracting((member) -> member.user().email(), TeamMember::role)
			.containsExactly(tuple("bob@example.com", "admin"));
		assertThat(memberships().listTeamMembers(other.id(), this.team.id())).isEmpty();
		assertThat(memberships().teamRolesOf(this.org.id(), this.bob.id())).isEqualTo(Map.of(this.team.id(), "admin"));
		assertThat(memberships().teamMemberCounts(this.org.id())).isEqualTo(Map.of(this.team.id(), 1));

		assertThat(memberships().removeTeamMember(other.id(), this.team.id(), this.bob.id())).isFalse();
		assertThat(memberships().removeTeamMember(this.org.id(), this.team.id(), this.bob.id())).isTrue();
		assertThat(memberships().teamRolesOf(this.org.id(), this.bob.id())).isEmpty();
	}

	@Test
	void teamsAreRenamedAndDeletedOnlyWithoutProjects() {
		Team spare = this.stores.organizations().createTeam(this.org.id(), "spare", "Spare");
		memberships().addTeamMember(this.org.id(), spare.id(), this.ann.id(), "admin");
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> memberships().renameTeam(this.org.id(), spare.id(), "core", "Core again"));
		assertThat(memberships().renameTeam(this.org.id(), spare.id(), "backend", "Backend")).map(Team::slug)
			.contains("backend");
		Organization other = this.stores.organizations().create("other", "Other");
		assertThat(memberships().renameTeam(other.id(), spare.id(), "x", "X")).isEmpty();
		assertThat(memberships().deleteTeam(other.id(), spare.id())).isFalse();

		assertThat(memberships().countTeamProjects(this.team.id())).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(() -> memberships().deleteTeam(this.org.id(), this.team.id()));
		assertThat(memberships().deleteTeam(this.org.id(), spare.id())).isTrue();
		assertThat(this.stores.organizations().findTeam(this.org.id(), "backend")).isEmpty();
		assertThat(memberships().teamRolesOf(this.org.id(), this.ann.id())).doesNotContainKey(spare.id());
	}

	@Test
	void openMembershipIsOnUntilTurnedOffAndOrganizationsAreRenamed() {
		assertThat(memberships().openMembership(this.org.id())).isTrue();
		memberships().setOpenMembership(this.org.id(), false);
		assertThat(memberships().openMembership(this.org.id())).isFalse();
		assertThat(memberships().rename(this.org.id(), "Acme Corp")).map(Organization::name).contains("Acme Corp");
		assertThat(this.stores.organizations().findById(this.org.id())).map(Organization::name).contains("Acme Corp");
	}

	@Test
	void invitationsAreAcceptedOnceWithTheirSecretBeforeTheyExpire() {
		Organization other = this.stores.organizations().create("other", "Other");
		Team theirs = this.stores.organizations().createTeam(other.id(), "theirs", "Theirs");
		Invite invite = memberships().createInvite(this.org.id(), "Carol@Example.com", "admin",
				Set.of(this.team.id(), theirs.id()), "secret-hash", this.ann.id(), T0.plus(Duration.ofDays(7)));
		assertThat(invite).extracting(Invite::email, Invite::role, Invite::teamIds, Invite::inviterUserId)
			.containsExactly("Carol@Example.com", "admin", List.of(this.team.id()), this.ann.id());
		assertThat(memberships().listInvites(this.org.id())).containsExactly(invite);
		assertThat(memberships().listInvites(other.id())).isEmpty();
		assertThat(memberships().findInvite(other.id(), invite.id())).isEmpty();
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(() -> memberships().createInvite(this.org.id(),
				"carol@example.com", "member", Set.of(), "other-hash", null, T0));

		User carol = this.stores.users().create("carol@example.com", "Carol", "hash");
		assertThat(memberships().acceptInvite(invite.id(), "wrong-hash", carol.id(), T0)).isEmpty();
		assertThat(memberships().acceptInvite(invite.id(), "secret-hash", carol.id(), T0.plus(Duration.ofDays(7))))
			.isEmpty();
		assertThat(memberships().acceptInvite(invite.id(), "secret-hash", carol.id(), T0)).contains(invite);
		assertThat(this.stores.organizations().findMemberRole(this.org.id(), carol.id())).contains("admin");
		assertThat(memberships().teamRolesOf(this.org.id(), carol.id())).containsOnlyKeys(this.team.id());
		assertThat(memberships().listInvites(this.org.id())).isEmpty();
		assertThat(memberships().acceptInvite(invite.id(), "secret-hash", carol.id(), T0)).isEmpty();
	}

	@Test
	void anInvitationIsRenewedReRoledOrWithdrawnInItsOrganizationOnly() {
		Organization other = this.stores.organizations().create("other", "Other");
		Invite invite = memberships().createInvite(this.org.id(), "dave@example.com", "member", Set.of(), "h1", null,
				T0.plus(Duration.ofDays(1)));
		assertThat(memberships().renewInvite(other.id(), invite.id(), "h2", T0.plus(Duration.ofDays(9)))).isEmpty();
		Invite renewed = memberships().renewInvite(this.org.id(), invite.id(), "h2", T0.plus(Duration.ofDays(9)))
			.orElseThrow();
		assertThat(renewed.tokenHash()).isEqualTo("h2");
		assertThat(renewed.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(9)));
		assertThat(memberships().changeInviteRole(other.id(), invite.id(), "owner")).isFalse();
		assertThat(memberships().changeInviteRole(this.org.id(), invite.id(), "manager")).isTrue();
		assertThat(memberships().findInvite(this.org.id(), invite.id())).map(Invite::role).contains("manager");
		assertThat(memberships().deleteInvite(other.id(), invite.id())).isFalse();
		assertThat(memberships().deleteInvite(this.org.id(), invite.id())).isTrue();
		User dave = this.stores.users().create("dave@example.com", "Dave", "hash");
		assertThat(memberships().acceptInvite(invite.id(), "h2", dave.id(), T0)).isEmpty();
	}

	@Test
	void acceptingKeepsAnExistingMembersRole() {
		Invite invite = memberships().createInvite(this.org.id(), "bob@example.com", "owner", Set.of(), "h1", null,
				T0.plus(Duration.ofDays(1)));
		assertThat(memberships().acceptInvite(invite.id(), "h1", this.bob.id(), T0)).isPresent();
		assertThat(this.stores.organizations().findMemberRole(this.org.id(), this.bob.id())).contains("member");
	}

}
