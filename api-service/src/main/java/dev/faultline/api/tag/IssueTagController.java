package dev.faultline.api.tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.TagFacet;
import dev.faultline.storage.events.TagValueCount;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An issue's tags (Sentry's sidebar: the top {@link #TOP_VALUES} values of each key), one
 * key's values, and (Faultline's own) the top values' counts over time.
 */
@RestController
class IssueTagController {

	/** Values per key on the sidebar, as Sentry's. */
	static final int TOP_VALUES = 9;

	/** Values of one key listed at most. */
	static final int MAX_VALUES = 1000;

	private final Access access;

	private final EventAggregates events;

	private final Clock clock = Clock.systemUTC();

	IssueTagController(Access access, EventAggregates events) {
		this.access = access;
		this.events = events;
	}

	/** Every key, or only those named by repeated {@code key} parameters. */
	@GetMapping({ "/api/0/issues/{issueId}/tags/", "/api/0/groups/{issueId}/tags/" })
	List<TagJson> tags(Caller caller, @PathVariable long issueId,
			@RequestParam(name = "key", required = false) @Nullable List<String> keys) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		long projectId = found.project().id();
		if (keys == null || keys.isEmpty()) {
			return this.events.tagFacets(projectId, issueId, null, TOP_VALUES).stream().map(TagJson::of).toList();
		}
		List<TagJson> tags = new ArrayList<>();
		for (String key : keys.stream().distinct().toList()) {
			this.events.tagFacets(projectId, issueId, key, TOP_VALUES).forEach((facet) -> tags.add(TagJson.of(facet)));
		}
		return tags;
	}

	@GetMapping({ "/api/0/issues/{issueId}/tags/{key}/", "/api/0/groups/{issueId}/tags/{key}/" })
	TagJson tag(Caller caller, @PathVariable long issueId, @PathVariable String key) {
		return TagJson.of(facet(caller, issueId, key, TOP_VALUES));
	}

	/** Most events first, at most {@link #MAX_VALUES}. */
	@GetMapping({ "/api/0/issues/{issueId}/tags/{key}/values/", "/api/0/groups/{issueId}/tags/{key}/values/" })
	List<TagJson.ValueJson> values(Caller caller, @PathVariable long issueId, @PathVariable String key) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		List<TagFacet> facets = this.events.tagFacets(found.project().id(), issueId, key, MAX_VALUES);
		if (facets.isEmpty()) {
			return List.of();
		}
		TagFacet facet = facets.get(0);
		return TagJson.values(facet.key(), facet.topValues(), facet.totalEvents());
	}

	/**
	 * The top {@link #TOP_VALUES} values' event counts per hour over 24 hours
	 * ({@code statsPeriod=24h}, the default) or per day over 14 days ({@code 14d}):
	 * {@code {"key", "values": [{"value", "data": [[epochSeconds, count], …]}]}}, buckets
	 * oldest first, the last one holding now.
	 */
	@GetMapping("/api/0/issues/{issueId}/tags/{key}/distribution/")
	Map<String, Object> distribution(Caller caller, @PathVariable long issueId, @PathVariable String key,
			@RequestParam(required = false) @Nullable String statsPeriod) {
		Duration bucket;
		int buckets;
		if (statsPeriod == null || statsPeriod.isEmpty() || statsPeriod.equals("24h")) {
			bucket = Duration.ofHours(1);
			buckets = 24;
		}
		else if (statsPeriod.equals("14d")) {
			bucket = Duration.ofDays(1);
			buckets = 14;
		}
		else {
			throw ApiException.badRequest("statsPeriod: valid choices are '24h' and '14d'");
		}
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		List<TagFacet> facets = this.events.tagFacets(found.project().id(), issueId, key, TOP_VALUES);
		List<String> values = facets.isEmpty() ? List.of()
				: facets.get(0).topValues().stream().map(TagValueCount::value).toList();
		Instant to = this.clock.instant()
			.truncatedTo(bucket.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.DAYS)
			.plus(bucket);
		Instant from = to.minus(bucket.multipliedBy(buckets));
		Map<String, List<Long>> counts = values.isEmpty() ? Map.of()
				: this.events.countByTagValue(found.project().id(), issueId, key, values, from, to, bucket);
		List<Map<String, Object>> series = new ArrayList<>();
		for (String value : values) {
			List<Long> valueCounts = counts.getOrDefault(value, List.of());
			List<List<Long>> data = new ArrayList<>(buckets);
			for (int i = 0; i < buckets; i++) {
				data.add(List.of(from.plus(bucket.multipliedBy(i)).getEpochSecond(),
						(i < valueCounts.size()) ? valueCounts.get(i) : 0L));
			}
			series.add(Map.of("value", value, "data", data));
		}
		return Map.of("key", key, "values", series);
	}

	private TagFacet facet(Caller caller, long issueId, String key, int topValues) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		List<TagFacet> facets = this.events.tagFacets(found.project().id(), issueId, key, topValues);
		if (facets.isEmpty()) {
			throw ApiException.notFound();
		}
		return facets.get(0);
	}

}
