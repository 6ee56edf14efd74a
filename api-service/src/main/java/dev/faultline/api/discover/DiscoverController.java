package dev.faultline.api.discover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sentry's Discover endpoints over the organization's projects: {@code GET
 * /api/0/organizations/{org}/events/} (a table of rows or groups, paged by cursor in the
 * {@code Link} header) and {@code GET …/events-stats/} (series over time buckets, one per
 * {@code yAxis}, optionally per top group). The caller sees only projects of its
 * organization; a {@code project} of another one is refused with 403.
 */
@RestController
class DiscoverController {

	private final Access access;

	private final ProjectStore projects;

	private final DiscoverQueries queries;

	private final Clock clock = Clock.systemUTC();

	DiscoverController(Access access, ProjectStore projects, DiscoverQueries queries) {
		this.access = access;
		this.projects = projects;
		this.queries = queries;
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/events/", "/api/0/organizations/{organizationSlug}/events" })
	ResponseEntity<Map<String, Object>> events(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "field", required = false) @Nullable List<String> fields,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(name = "sort", required = false) @Nullable List<String> sort,
			@RequestParam(required = false) @Nullable String orderby,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(name = "project", required = false) @Nullable List<String> project,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environment,
			@RequestParam(required = false) @Nullable String dataset) {
		DiscoverScope scope = scope(caller, organizationSlug, dataset, project, environment, query, statsPeriod, start,
				end);
		DiscoverFields requested = DiscoverFields.parse(scope.dataset(), orEmpty(fields), "field");
		String sortText = (sort != null && !sort.isEmpty()) ? sort.get(0) : orderby;
		Order order = requested.order(scope.dataset(), sortText);
		Query.Builder builder = scope.query(scope.range())
			.select(requested.expressions().toArray(Expression[]::new))
			.page(Pagination.cursor(cursor), Pagination.limit(perPage));
		if (requested.aggregated()) {
			builder.groupBy(requested.plain().toArray(Expression[]::new));
		}
		if (order != null) {
			builder.orderBy(order);
		}
		else if (!requested.aggregated()) {
			// Newest first, as Sentry's event lists.
			builder.orderBy(Order.desc(Expression.field(scope.dataset(), "timestamp")));
		}
		QueryResult result = this.queries.run(DiscoverQueries.build(builder));
		Map<Long, String> slugs = slugs(scope);
		List<Map<String, @Nullable Object>> data = new ArrayList<>();
		for (List<@Nullable Object> row : result.rows()) {
			data.add(requested.render(row, slugs));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("meta", requested.meta(scope.dataset()));
		String link = Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), result.paging());
		return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(body);
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/events-stats/",
			"/api/0/organizations/{organizationSlug}/events-stats" })
	Map<String, Object> eventsStats(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "yAxis", required = false) @Nullable List<String> yAxis,
			@RequestParam(name = "field", required = false) @Nullable List<String> fields,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(name = "sort", required = false) @Nullable List<String> sort,
			@RequestParam(required = false) @Nullable String orderby,
			@RequestParam(required = false) @Nullable String interval,
			@RequestParam(required = false) @Nullable String topEvents,
			@RequestParam(required = false) @Nullable String excludeOther,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(name = "project", required = false) @Nullable List<String> project,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environment,
			@RequestParam(required = false) @Nullable String dataset) {
		DiscoverScope scope = scope(caller, organizationSlug, dataset, project, environment, query, statsPeriod, start,
				end);
		List<String> axes = (yAxis == null || yAxis.isEmpty()) ? List.of("count()") : yAxis;
		String sortText = (sort != null && !sort.isEmpty()) ? sort.get(0) : orderby;
		EventsStats stats = EventsStats.parse(scope, axes, orEmpty(fields), sortText, interval, topEvents,
				"1".equals(excludeOther) || "true".equalsIgnoreCase(excludeOther));
		return stats.answer(this.queries, slugs(scope));
	}

	private DiscoverScope scope(Caller caller, String organizationSlug, @Nullable String dataset,
			@Nullable List<String> project, @Nullable List<String> environment, @Nullable String query,
			@Nullable String statsPeriod, @Nullable String start, @Nullable String end) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		List<Project> all = this.projects.listByOrganization(organization.id());
		return DiscoverScope.parse(all, this.clock.instant(), dataset, project, environment, query, statsPeriod, start,
				end);
	}

	private static Map<Long, String> slugs(DiscoverScope scope) {
		return scope.projects().values().stream().collect(Collectors.toMap(Project::id, Project::slug));
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> kept = values.stream().filter((value) -> !value.isBlank()).toList();
		if (kept.size() != values.size()) {
			throw ApiException.badRequest("A field is empty");
		}
		return kept;
	}

}
