package dev.faultline.storage.tck.metadata;

import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a project's {@code firstEvent} in the metadata port: null until the
 * project's first issue is created, then that issue's first seen time, for good.
 */
public abstract class ProjectFirstEventContract extends IssueWorkflowFixture {

	@Test
	void aProjectWithoutIssuesHasNoFirstEvent() {
		assertThat(this.project.firstEvent()).isNull();
		assertThat(reloadProject().firstEvent()).isNull();
	}

	@Test
	void theFirstIssueSetsTheProjectsFirstEventAndLaterOnesDoNot() {
		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "other", "Other", "java");
		issue("a".repeat(32), T0.plusSeconds(30));
		issue("b".repeat(32), T0);

		assertThat(reloadProject().firstEvent()).isEqualTo(T0.plusSeconds(30));
		assertThat(this.stores.projects().findBySlug(this.org.id(), "shop").orElseThrow().firstEvent())
			.isEqualTo(T0.plusSeconds(30));
		assertThat(this.stores.projects().listByOrganization(this.org.id())).extracting(Project::firstEvent)
			.containsExactly(null, T0.plusSeconds(30));
		assertThat(this.stores.projects().findById(other.id()).orElseThrow().firstEvent()).isNull();
	}

	@Test
	void deletingTheIssuesKeepsTheFirstEvent() {
		Issue first = issue("a".repeat(32), T0);
		issues().delete(first.id());

		assertThat(reloadProject().firstEvent()).isEqualTo(T0);
	}

	private Project reloadProject() {
		return this.stores.projects().findById(this.project.id()).orElseThrow();
	}

}
