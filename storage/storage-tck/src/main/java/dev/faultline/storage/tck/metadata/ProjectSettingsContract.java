package dev.faultline.storage.tck.metadata;

import java.util.List;
import java.util.TreeSet;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectPerformance;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of {@link dev.faultline.storage.metadata.ProjectSettingsStore}. An
 * adapter's test subclasses this like {@link MetadataStoresContract} and returns fresh,
 * empty stores.
 */
public abstract class ProjectSettingsContract {

	private MetadataStores stores;

	private Project project;

	/**
	 * Fresh stores over an empty, migrated database; the suite closes what it returns.
	 */
	protected abstract MetadataStores newStores();

	@BeforeEach
	void openStores() {
		this.stores = newStores();
		this.project = newProject("api");
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	@Test
	void aNewProjectHasTheDefaults() {
		assertThat(this.stores.projectSettings().find(this.project.id())).contains(ProjectSettings.DEFAULTS);
		assertThat(ProjectSettings.DEFAULTS.dataScrubber()).isTrue();
		assertThat(ProjectSettings.DEFAULTS.dataScrubberDefaults()).isTrue();
	}

	@Test
	void anUnknownProjectHasNoSettingsAndIsNotUpdated() {
		long ghost = this.project.id() + 1000;

		assertThat(this.stores.projectSettings().find(ghost)).isEmpty();
		assertThat(this.stores.projectSettings().update(ghost, sample())).isFalse();
		assertThat(this.stores.projectSettings().find(ghost)).isEmpty();
	}

	@Test
	void settingsRoundTripAndAreReplacedAsAWhole() {
		ProjectSettings first = sample();
		assertThat(this.stores.projectSettings().update(this.project.id(), first)).isTrue();
		assertThat(this.stores.projectSettings().find(this.project.id())).contains(first);

		ProjectSettings second = new ProjectSettings("", "", "", false, List.of(), List.of("x"), false, false,
				List.of(), List.of());
		assertThat(this.stores.projectSettings().update(this.project.id(), second)).isTrue();
		assertThat(this.stores.projectSettings().find(this.project.id())).contains(second);
	}

	@Test
	void settingsArePerProject() {
		Project other = newProject("web");
		this.stores.projectSettings().update(this.project.id(), sample());

		assertThat(this.stores.projectSettings().find(other.id())).contains(ProjectSettings.DEFAULTS);
	}

	@Test
	void listEntriesAreSingleTrimmedLines() {
		ProjectSettings settings = new ProjectSettings("", "", "", false, List.of(" a ", "", "b"), List.of(), true,
				true, List.of(), List.of());

		assertThat(settings.sensitiveFields()).containsExactly("a", "b");
		assertThatIllegalArgumentException().isThrownBy(() -> new ProjectSettings("", "", "", false, List.of("a\nb"),
				List.of(), true, true, List.of(), List.of()));
	}

	@Test
	void aNewProjectHasNoFilters() {
		assertThat(this.stores.projectSettings().findFilters(this.project.id())).contains(ProjectFilters.NONE);
		assertThat(ProjectFilters.NONE.legacyBrowsers()).isEmpty();
	}

	@Test
	void anUnknownProjectHasNoFiltersAndIsNotUpdated() {
		long ghost = this.project.id() + 1000;

		assertThat(this.stores.projectSettings().findFilters(ghost)).isEmpty();
		assertThat(this.stores.projectSettings().updateFilters(ghost, sampleFilters())).isFalse();
		assertThat(this.stores.projectSettings().findFilters(ghost)).isEmpty();
	}

	@Test
	void filtersRoundTripAndAreReplacedAsAWhole() {
		ProjectFilters first = sampleFilters();
		assertThat(this.stores.projectSettings().updateFilters(this.project.id(), first)).isTrue();
		assertThat(this.stores.projectSettings().findFilters(this.project.id())).contains(first);

		ProjectFilters second = new ProjectFilters(false, true, false, false, new TreeSet<>(List.of("default")),
				List.of(), List.of("1.0.*"), List.of());
		assertThat(this.stores.projectSettings().updateFilters(this.project.id(), second)).isTrue();
		assertThat(this.stores.projectSettings().findFilters(this.project.id())).contains(second);
	}

	@Test
	void filtersArePerProjectAndApartFromTheSettings() {
		Project other = newProject("web");
		this.stores.projectSettings().updateFilters(this.project.id(), sampleFilters());

		assertThat(this.stores.projectSettings().findFilters(other.id())).contains(ProjectFilters.NONE);
		assertThat(this.stores.projectSettings().find(this.project.id())).contains(ProjectSettings.DEFAULTS);
	}

	@Test
	void filterEntriesAreSingleTrimmedLinesAndSubfiltersSorted() {
		ProjectFilters filters = new ProjectFilters(false, false, false, false,
				new TreeSet<>(List.of("safari_pre_6", "ie")), List.of(" *timeout* ", ""), List.of(), List.of());

		assertThat(filters.errorMessages()).containsExactly("*timeout*");
		assertThat(filters.legacyBrowsers()).containsExactly("ie", "safari_pre_6");
		assertThatIllegalArgumentException().isThrownBy(() -> new ProjectFilters(false, false, false, false,
				new TreeSet<>(), List.of(), List.of("a\nb"), List.of()));
	}

	@Test
	void aNewProjectHasThePerformanceDefaultsAndAnUnknownOneNone() {
		long ghost = this.project.id() + 1000;
		assertThat(this.stores.projectSettings().findPerformance(this.project.id()))
			.contains(ProjectPerformance.DEFAULTS);
		assertThat(this.stores.projectSettings().findPerformance(ghost)).isEmpty();
		assertThat(this.stores.projectSettings().updatePerformance(ghost, ProjectPerformance.DEFAULTS)).isFalse();
		assertThat(this.stores.projectSettings().findPerformance(ghost)).isEmpty();
	}

	@Test
	void performanceSettingsRoundTripInOrderPerProjectAndApartFromTheOthers() {
		Project other = newProject("other-perf");
		ProjectPerformance first = new ProjectPerformance(450, "lcp",
				java.util.Map.of("slow_db_query_duration_threshold", "1500"));
		assertThat(this.stores.projectSettings().updatePerformance(this.project.id(), first)).isTrue();
		assertThat(this.stores.projectSettings().findPerformance(this.project.id())).contains(first);

		java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
		ordered.put("uncompressed_assets_detection_enabled", "false");
		ordered.put("render_blocking_fcp_ratio", "0.5");
		ProjectPerformance second = new ProjectPerformance(300, "duration", ordered);
		assertThat(this.stores.projectSettings().updatePerformance(this.project.id(), second)).isTrue();
		assertThat(this.stores.projectSettings().findPerformance(this.project.id()).orElseThrow().issueSettings())
			.containsExactlyEntriesOf(ordered);
		assertThat(this.stores.projectSettings().findPerformance(other.id())).contains(ProjectPerformance.DEFAULTS);
		assertThat(this.stores.projectSettings().findFilters(this.project.id())).contains(ProjectFilters.NONE);
	}

	private static ProjectFilters sampleFilters() {
		return new ProjectFilters(true, true, true, true, new TreeSet<>(List.of("ie", "opera_pre_15", "safari_pre_6")),
				List.of("*ConnectionTimeout*", "TypeError: Failed to fetch"), List.of("1.0.0-beta*", "nightly"),
				List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32"));
	}

	private static ProjectSettings sample() {
		return new ProjectSettings("error.type:DatabaseError -> database\nmessage:\"*timeout*\" -> timeout",
				"stack.module:com.acme.** +app\nstack.function:log* -app",
				"{\"rules\":{\"0\":{\"type\":\"email\",\"redaction\":{\"method\":\"mask\"}}},"
						+ "\"applications\":{\"$string\":[\"0\"]}}",
				true, List.of("ssn", "pin_code"), List.of("public_token"), true, false, List.of("com.acme", "src/"),
				List.of("com.acme.vendor"));
	}

	private Project newProject(String slug) {
		Organization org = this.stores.organizations()
			.findBySlug("acme")
			.orElseGet(() -> this.stores.organizations().create("acme", "Acme"));
		Team team = this.stores.organizations().createTeam(org.id(), "team-" + slug, "Team " + slug);
		return this.stores.projects().create(org.id(), team.id(), slug, slug, "java");
	}

}
