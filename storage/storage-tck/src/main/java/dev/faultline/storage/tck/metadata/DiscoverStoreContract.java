package dev.faultline.storage.tck.metadata;

import java.time.Duration;

import dev.faultline.storage.discover.Dashboard;
import dev.faultline.storage.discover.DashboardStore;
import dev.faultline.storage.discover.SavedQuery;
import dev.faultline.storage.discover.SavedQueryStore;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Organization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of Discover's saved queries and dashboards in the metadata port: a saved
 * query is its owner's alone until shared, only its owner changes or deletes it, nothing
 * crosses organizations; dashboard titles are unique per organization, on create and on
 * update; bodies are kept byte for byte.
 */
public abstract class DiscoverStoreContract extends IssueWorkflowFixture {

	private static final String BODY = "{\"fields\":[\"title\",\"count()\"],\"query\":\"level:error \\u00fc \\\"x\\\"\","
			+ "\"range\":\"14d\"}";

	private SavedQueryStore queries() {
		return this.stores.savedQueries();
	}

	private DashboardStore dashboards() {
		return this.stores.dashboards();
	}

	@Test
	void aSavedQueryIsItsOwnersUntilShared() {
		SavedQuery mine = queries().create(this.org.id(), this.ann.id(), "Errors by title", false, BODY);
		assertThat(mine).extracting("organizationId", "ownerUserId", "name", "shared", "body", "createdAt", "updatedAt")
			.containsExactly(this.org.id(), this.ann.id(), "Errors by title", false, BODY, T0, T0);
		assertThat(queries().findVisible(this.org.id(), mine.id(), this.ann.id())).contains(mine);
		assertThat(queries().findVisible(this.org.id(), mine.id(), this.bob.id())).isEmpty();
		assertThat(queries().listVisible(this.org.id(), this.bob.id())).isEmpty();

		this.clock.advance(Duration.ofMinutes(5));
		SavedQuery shared = queries().create(this.org.id(), this.bob.id(), "Slow pages", true, "{}");
		assertThat(queries().listVisible(this.org.id(), this.ann.id())).containsExactly(shared, mine);
		assertThat(queries().listVisible(this.org.id(), this.bob.id())).containsExactly(shared);
		assertThat(queries().findVisible(this.org.id(), shared.id(), this.ann.id())).contains(shared);
	}

	@Test
	void onlyTheOwnerChangesOrDeletesAQuery() {
		SavedQuery shared = queries().create(this.org.id(), this.bob.id(), "Slow pages", true, "{}");
		assertThat(queries().update(this.org.id(), shared.id(), this.ann.id(), "Mine now", true, BODY)).isEmpty();
		assertThat(queries().delete(this.org.id(), shared.id(), this.ann.id())).isFalse();

		this.clock.advance(Duration.ofMinutes(1));
		SavedQuery changed = queries().update(this.org.id(), shared.id(), this.bob.id(), "Slower pages", false, BODY)
			.orElseThrow();
		assertThat(changed).extracting("name", "shared", "body", "createdAt", "updatedAt")
			.containsExactly("Slower pages", false, BODY, T0, T0.plus(Duration.ofMinutes(1)));
		assertThat(queries().findVisible(this.org.id(), shared.id(), this.ann.id())).isEmpty();
		assertThat(queries().delete(this.org.id(), shared.id(), this.bob.id())).isTrue();
		assertThat(queries().findVisible(this.org.id(), shared.id(), this.bob.id())).isEmpty();
		assertThat(queries().delete(this.org.id(), shared.id(), this.bob.id())).isFalse();
	}

	@Test
	void nothingCrossesOrganizations() {
		Organization other = this.stores.organizations().create("other", "Other");
		this.stores.organizations().addMember(other.id(), this.ann.id(), "member");
		SavedQuery shared = queries().create(this.org.id(), this.ann.id(), "Shared", true, "{}");
		Dashboard board = dashboards().create(this.org.id(), this.ann.id(), "Overview", BODY);

		assertThat(queries().listVisible(other.id(), this.ann.id())).isEmpty();
		assertThat(queries().findVisible(other.id(), shared.id(), this.ann.id())).isEmpty();
		assertThat(queries().update(other.id(), shared.id(), this.ann.id(), "x", true, "{}")).isEmpty();
		assertThat(queries().delete(other.id(), shared.id(), this.ann.id())).isFalse();
		assertThat(dashboards().list(other.id())).isEmpty();
		assertThat(dashboards().find(other.id(), board.id())).isEmpty();
		assertThat(dashboards().update(other.id(), board.id(), "x", "{}")).isEmpty();
		assertThat(dashboards().delete(other.id(), board.id())).isFalse();
		// The same title in another organization is no clash.
		assertThat(dashboards().create(other.id(), null, "Overview", "{}").title()).isEqualTo("Overview");
	}

	@Test
	void dashboardTitlesAreUniquePerOrganization() {
		Dashboard overview = dashboards().create(this.org.id(), null, "Overview", BODY);
		assertThat(overview).extracting("organizationId", "createdBy", "title", "body", "createdAt")
			.containsExactly(this.org.id(), null, "Overview", BODY, T0);
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> dashboards().create(this.org.id(), this.ann.id(), "Overview", "{}"));

		Dashboard backend = dashboards().create(this.org.id(), this.ann.id(), "Backend", "{}");
		assertThat(dashboards().list(this.org.id())).containsExactly(backend, overview);
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> dashboards().update(this.org.id(), backend.id(), "Overview", "{}"));

		this.clock.advance(Duration.ofHours(1));
		Dashboard renamed = dashboards().update(this.org.id(), backend.id(), "Backend (p95)", BODY).orElseThrow();
		assertThat(renamed).extracting("title", "body", "createdBy", "updatedAt")
			.containsExactly("Backend (p95)", BODY, this.ann.id(), T0.plus(Duration.ofHours(1)));
		// Keeping its own title is no clash.
		assertThat(dashboards().update(this.org.id(), overview.id(), "Overview", "{}")).isPresent();
		assertThat(dashboards().delete(this.org.id(), backend.id())).isTrue();
		assertThat(dashboards().find(this.org.id(), backend.id())).isEmpty();
		assertThat(dashboards().list(this.org.id())).extracting(Dashboard::title).containsExactly("Overview");
	}

}
