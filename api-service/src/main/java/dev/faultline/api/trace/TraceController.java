package dev.faultline.api.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.ProjectParameter;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's trace endpoints over the organization's projects: {@code GET
 * /api/0/organizations/{org}/trace/{trace_id}/} (the span tree with its errors, see
 * {@link TraceTree}), {@code …/trace-meta/{trace_id}/} (its counts) and the legacy
 * {@code …/events-trace/{trace_id}/} (the transactions as a tree, with orphan errors). A
 * trace crosses projects: every project of the organization is read unless
 * {@code project} names some ({@code -1}: all); a project of another organization is
 * refused with 403, a malformed trace id with 400. A trace reads at most
 * {@link SpanReader#MAX_TRACE_SPANS} spans and {@link TraceErrors#LIMIT} errors. The time
 * parameters ({@code statsPeriod}, {@code start}, {@code end}) are accepted and not
 * needed: a trace is found by its id.
 */
@RestController
class TraceController {

	private final Access access;

	private final ProjectStore projects;

	private final SpanReader spans;

	private final TraceErrors errors;

	TraceController(Access access, ProjectStore projects, SpanReader spans, TraceErrors errors) {
		this.access = access;
		this.projects = projects;
		this.spans = spans;
		this.errors = errors;
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/trace/{traceId}/",
			"/api/0/organizations/{organizationSlug}/trace/{traceId}" })
	List<Map<String, Object>> trace(Caller caller, @PathVariable String organizationSlug, @PathVariable String traceId,
			@RequestParam(name = "project", required = false) @Nullable List<String> project) {
		Trace trace = read(caller, organizationSlug, traceId, project);
		return TraceTree.build(trace.spans(), trace.errors(), trace.slugs());
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/trace-meta/{traceId}/",
			"/api/0/organizations/{organizationSlug}/trace-meta/{traceId}" })
	Map<String, Object> traceMeta(Caller caller, @PathVariable String organizationSlug, @PathVariable String traceId,
			@RequestParam(name = "project", required = false) @Nullable List<String> project) {
		Trace trace = read(caller, organizationSlug, traceId, project);
		Map<String, Long> byOp = new TreeMap<>();
		Map<String, Long> childrenBySegment = new LinkedHashMap<>();
		for (StoredSpan span : trace.spans()) {
			byOp.merge((span.op() != null) ? span.op() : "default", 1L, Long::sum);
			if (!span.segment()) {
				String segment = segmentEventId(span);
				if (segment != null) {
					childrenBySegment.merge(segment, 1L, Long::sum);
				}
			}
		}
		List<Map<String, Object>> childCounts = new ArrayList<>();
		childrenBySegment.forEach((id, count) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("transaction.event_id", id);
			entry.put("count()", count);
			childCounts.add(entry);
		});
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errorsCount", trace.errors().stream().filter((error) -> !error.occurrence()).count());
		body.put("performanceIssuesCount", trace.errors().stream().filter(TraceError::occurrence).count());
		body.put("projectsCount", trace.spans().stream().map(StoredSpan::projectId).distinct().count());
		body.put("transactionsCount", trace.spans().stream().filter(StoredSpan::segment).count());
		body.put("spansCount", (long) trace.spans().size());
		body.put("spansCountMap", byOp);
		body.put("transactionChildCountMap", childCounts);
		return body;
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/events-trace/{traceId}/",
			"/api/0/organizations/{organizationSlug}/events-trace/{traceId}" })
	Map<String, Object> eventsTrace(Caller caller, @PathVariable String organizationSlug, @PathVariable String traceId,
			@RequestParam(name = "project", required = false) @Nullable List<String> project) {
		Trace trace = read(caller, organizationSlug, traceId, project);
		return LegacyTraceTree.build(trace.spans(), trace.errors(), trace.slugs());
	}

	private static @Nullable String segmentEventId(StoredSpan span) {
		if (span.transactionId() != null) {
			return span.transactionId();
		}
		return span.segmentId();
	}

	private Trace read(Caller caller, String organizationSlug, String traceIdParam, @Nullable List<String> project) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		String traceId = traceId(traceIdParam);
		Map<Long, Project> scope = ProjectParameter.select(this.projects.listByOrganization(organization.id()),
				project);
		if (scope.isEmpty()) {
			return new Trace(List.of(), List.of(), Map.of());
		}
		List<Long> ids = scope.keySet().stream().sorted().toList();
		List<StoredSpan> spans = this.spans.trace(ids, traceId, SpanReader.MAX_TRACE_SPANS);
		Map<Long, String> slugs = scope.values().stream().collect(Collectors.toMap(Project::id, Project::slug));
		return new Trace(spans, this.errors.of(traceId, scope), slugs);
	}

	/** A trace id as SDKs send it: 32 hex digits (dashes and upper case accepted). */
	static String traceId(String value) {
		String id = value.replace("-", "").toLowerCase(Locale.ROOT);
		boolean hex = id.length() == 32 && id.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
		if (!hex) {
			throw ApiException.badRequest("Invalid trace id: expected 32 hexadecimal characters");
		}
		return id;
	}

	/** What a trace request read. */
	private record Trace(List<StoredSpan> spans, List<TraceError> errors, Map<Long, String> slugs) {
	}

	/** Orders spans as the trace endpoints list them. */
	static final Comparator<StoredSpan> START_ORDER = Comparator.comparing(StoredSpan::start)
		.thenComparing(StoredSpan::spanId);

}
