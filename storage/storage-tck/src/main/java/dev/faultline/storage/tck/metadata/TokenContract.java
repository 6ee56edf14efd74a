package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.util.Set;

import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.TokenStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of {@link TokenStore}: personal tokens stay their user's, organization
 * tokens stay their organization's, each list and each deletion is scoped to its owner,
 * revoking is immediate, and the last-used time only moves forwards.
 */
public abstract class TokenContract extends IssueWorkflowFixture {

	private TokenStore tokens() {
		return this.stores.tokens();
	}

	@Test
	void personalTokensAreFoundByHashAndListedPerUser() {
		ApiToken ci = tokens().createPersonal(this.ann.id(), "CI", "a1", "beef", Set.of("project:read", "org:read"));
		this.clock.advance(Duration.ofSeconds(1));
		ApiToken script = tokens().createPersonal(this.ann.id(), "Script", "a2", "cafe", Set.of());
		tokens().createPersonal(this.bob.id(), "Bob's", "b1", "0000", Set.of("event:read"));

		assertThat(ci)
			.extracting(ApiToken::userId, ApiToken::organizationId, ApiToken::name, ApiToken::tokenHash,
					ApiToken::lastCharacters, ApiToken::dateCreated, ApiToken::dateLastUsed)
			.containsExactly(this.ann.id(), null, "CI", "a1", "beef", T0, null);
		assertThat(ci.isOrganizationToken()).isFalse();
		assertThat(tokens().findByHash("a1")).contains(ci);
		assertThat(tokens().findByHash("a1").orElseThrow().scopes()).containsExactlyInAnyOrder("project:read",
				"org:read");
		assertThat(tokens().findByHash("zz")).isEmpty();
		assertThat(tokens().listPersonal(this.ann.id())).containsExactly(ci, script);
		assertThat(tokens().listPersonal(this.bob.id())).extracting(ApiToken::name).containsExactly("Bob's");
		// The older UserStore view sees the same rows.
		assertThat(this.stores.users().findTokenByHash("a2")).contains(script);
	}

	@Test
	void organizationTokensBelongToTheirOrganizationOnly() {
		Organization other = this.stores.organizations().create("other", "Other");
		ApiToken ci = tokens().createForOrganization(this.org.id(), this.ann.id(), "deploys", "o1", "wxyz",
				Set.of("org:ci"));
		tokens().createForOrganization(other.id(), this.bob.id(), "theirs", "o2", "abcd", Set.of("org:ci"));

		assertThat(ci.organizationId()).isEqualTo(this.org.id());
		assertThat(ci.isOrganizationToken()).isTrue();
		assertThat(tokens().findByHash("o1")).contains(ci);
		assertThat(tokens().listForOrganization(this.org.id())).containsExactly(ci);
		assertThat(tokens().listForOrganization(other.id())).extracting(ApiToken::name).containsExactly("theirs");
		// An organization token is not its creator's personal token.
		assertThat(tokens().listPersonal(this.ann.id())).isEmpty();
		assertThat(tokens().deletePersonal(this.ann.id(), ci.id())).isFalse();
		assertThat(tokens().deleteForOrganization(other.id(), ci.id())).isFalse();
		assertThat(tokens().renameForOrganization(other.id(), ci.id(), "stolen")).isEmpty();
		assertThat(tokens().findByHash("o1")).map(ApiToken::name).contains("deploys");

		assertThat(tokens().renameForOrganization(this.org.id(), ci.id(), "releases")).map(ApiToken::name)
			.contains("releases");
		assertThat(tokens().deleteForOrganization(this.org.id(), ci.id())).isTrue();
		assertThat(tokens().findByHash("o1")).isEmpty();
		assertThat(tokens().deleteForOrganization(this.org.id(), ci.id())).isFalse();
	}

	@Test
	void deletingAPersonalTokenRevokesItForItsUserOnly() {
		ApiToken mine = tokens().createPersonal(this.ann.id(), "mine", "a1", "1111", Set.of("org:read"));
		assertThat(tokens().deletePersonal(this.bob.id(), mine.id())).isFalse();
		assertThat(tokens().deleteForOrganization(this.org.id(), mine.id())).isFalse();
		assertThat(tokens().findByHash("a1")).isPresent();
		assertThat(tokens().deletePersonal(this.ann.id(), mine.id())).isTrue();
		assertThat(tokens().findByHash("a1")).isEmpty();
		assertThat(tokens().listPersonal(this.ann.id())).isEmpty();
	}

	@Test
	void lastUseOnlyMovesForwards() {
		ApiToken token = tokens().createPersonal(this.ann.id(), "t", "a1", "1111", Set.of());
		tokens().recordUse(token.id(), T0.plusSeconds(60));
		assertThat(tokens().findByHash("a1").orElseThrow().dateLastUsed()).isEqualTo(T0.plusSeconds(60));
		tokens().recordUse(token.id(), T0.plusSeconds(30));
		assertThat(tokens().findByHash("a1").orElseThrow().dateLastUsed()).isEqualTo(T0.plusSeconds(60));
		tokens().recordUse(token.id(), T0.plusSeconds(90));
		assertThat(tokens().findByHash("a1").orElseThrow().dateLastUsed()).isEqualTo(T0.plusSeconds(90));
	}

	@Test
	void hashesAreUniqueAcrossKindsAndScopesAreValidated() {
		tokens().createPersonal(this.ann.id(), "t", "same", "1111", Set.of());
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(
				() -> tokens().createForOrganization(this.org.id(), this.bob.id(), "o", "same", "2222", Set.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> tokens().createPersonal(this.ann.id(), "t", "other", "1111", Set.of("org read")));
		assertThat(tokens().findByHash("same")).map(ApiToken::userId).contains(this.ann.id());
	}

}
