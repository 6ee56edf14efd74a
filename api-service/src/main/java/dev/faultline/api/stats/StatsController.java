package dev.faultline.api.stats;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OutcomeStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/0/organizations/{org}/stats_v2/}: accepted, filtered, rate-limited,
 * invalid and client-discarded item counts of the organization's projects (optionally
 * only those in {@code project}), in Sentry's response shape.
 */
@RestController
class StatsController {

	private final Access access;

	private final ProjectStore projects;

	private final OutcomeStore outcomes;

	private final Clock clock = Clock.systemUTC();

	StatsController(Access access, ProjectStore projects, OutcomeStore outcomes) {
		this.access = access;
		this.projects = projects;
		this.outcomes = outcomes;
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/stats_v2/",
			"/api/0/organizations/{organizationSlug}/stats_v2" })
	Map<String, Object> statsV2(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "field", defaultValue = StatsQuery.FIELD) List<String> fields,
			@RequestParam(name = "groupBy", required = false) @Nullable List<String> groupBy,
			@RequestParam(required = false) @Nullable String interval,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(name = "project", required = false) @Nullable List<String> projectIds,
			@RequestParam(name = "category", required = false) @Nullable List<String> categories,
			@RequestParam(name = "outcome", required = false) @Nullable List<String> outcomes,
			@RequestParam(name = "reason", required = false) @Nullable List<String> reasons) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		StatsQuery query = StatsQuery.parse(this.clock.instant(), fields, orEmpty(groupBy), interval, statsPeriod,
				start, end, orEmpty(categories), orEmpty(outcomes), orEmpty(reasons));
		Set<Long> wanted = projectFilter(orEmpty(projectIds));
		List<Long> ids = this.projects.listByOrganization(organization.id())
			.stream()
			.map(Project::id)
			.filter((id) -> wanted.isEmpty() || wanted.contains(id))
			.toList();
		return query.evaluate(this.outcomes.query(ids, query.start(), query.end()));
	}

	/** Project ids asked for; empty (or Sentry's {@code -1}) means all. */
	private static Set<Long> projectFilter(List<String> values) {
		try {
			Set<Long> ids = new java.util.HashSet<>();
			for (String value : values) {
				long id = Long.parseLong(value);
				if (id == -1) {
					return Set.of();
				}
				ids.add(id);
			}
			return ids;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("project must be a project id");
		}
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}
