package dev.faultline.api.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.core.search.SearchParser;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.query.Cursor;
import dev.faultline.query.Page;
import dev.faultline.storage.events.EventNeighbours;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An issue's events, its latest and oldest event, and a project's event by id.
 */
@RestController
class EventController {

	private static final Pattern EVENT_ID = ClientPatterns.HEX_ID.jdk();

	private final EventReader events;

	private final Access access;

	private final EventRenderer renderer;

	EventController(EventReader events, Access access, ObjectMapper mapper) {
		this.events = events;
		this.access = access;
		this.renderer = new EventRenderer(mapper);
	}

	/**
	 * Newest first. With {@code full=true} each event is rendered in full, as in Sentry.
	 * With {@code query} only events matching its event terms (issue terms in it are
	 * ignored); a syntax error is a 400 with its position. The {@code Link} header's
	 * cursors are key cursors (the boundary event's timestamp and id), so following
	 * {@code next} seeks instead of counting events and a page never shifts when new
	 * events arrive; an offset cursor ({@code 0:100:0}) is still read.
	 */
	@GetMapping({ "/api/0/issues/{issueId}/events/", "/api/0/groups/{issueId}/events/" })
	ResponseEntity<List<ObjectNode>> list(Caller caller, @PathVariable long issueId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false, defaultValue = "false") boolean full,
			@RequestParam(required = false) @Nullable String query) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		return page((at, size, search) -> this.events.listByIssue(found.project().id(), issueId, search, at, size),
				cursor, limit, full, query);
	}

	/**
	 * The project's events, newest first, paged and searched as an issue's
	 * ({@link #list}): Sentry's project event list (sentry-cli {@code events list}).
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/events/")
	ResponseEntity<List<ObjectNode>> projectEvents(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false, defaultValue = "false") boolean full,
			@RequestParam(required = false) @Nullable String query) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		return page((at, size, search) -> this.events.listByProject(found.project().id(), search, at, size), cursor,
				limit, full, query);
	}

	/**
	 * One page of a listing, its events rendered and its cursors in the {@code Link}
	 * header.
	 */
	private ResponseEntity<List<ObjectNode>> page(Listing listing, @Nullable String cursor, @Nullable String limit,
			boolean full, @Nullable String query) {
		Cursor at = Pagination.cursor(cursor);
		int pageSize = Pagination.limit(limit);
		EventSearch search = null;
		if (query != null && !query.isBlank()) {
			Instant now = Instant.now();
			// Parsed here first so that a syntax error answers 400 with its position.
			new SearchParser(Clock.fixed(now, ZoneOffset.UTC)).parse(query);
			search = new EventSearch(query, now);
		}
		Page<StoredEvent> page;
		try {
			page = listing.page(at, pageSize, search);
		}
		catch (IllegalArgumentException ex) {
			// A key cursor of another listing.
			throw ApiException.badRequest("Invalid cursor parameter.");
		}
		List<ObjectNode> rendered = page.items()
			.stream()
			.map((event) -> full ? this.renderer.full(event) : this.renderer.summary(event))
			.toList();
		String link = Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), page.paging());
		return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(rendered);
	}

	@GetMapping({ "/api/0/issues/{issueId}/events/latest/", "/api/0/groups/{issueId}/events/latest/",
			"/api/0/issues/{issueId}/events/recommended/" })
	ObjectNode latest(Caller caller, @PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		StoredEvent event = this.events.latest(found.project().id(), issueId).orElseThrow(ApiException::notFound);
		return full(event);
	}

	@GetMapping({ "/api/0/issues/{issueId}/events/oldest/", "/api/0/groups/{issueId}/events/oldest/" })
	ObjectNode oldest(Caller caller, @PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		StoredEvent event = this.events.oldest(found.project().id(), issueId).orElseThrow(ApiException::notFound);
		return full(event);
	}

	@GetMapping("/api/0/issues/{issueId}/events/{eventId}/")
	ObjectNode issueEvent(Caller caller, @PathVariable long issueId, @PathVariable String eventId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		StoredEvent event = this.events.find(found.project().id(), normalizeEventId(eventId))
			.filter((candidate) -> candidate.issueId() == issueId)
			.orElseThrow(ApiException::notFound);
		return full(event);
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/events/{eventId}/")
	ObjectNode projectEvent(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String eventId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		StoredEvent event = this.events.find(found.project().id(), normalizeEventId(eventId))
			.orElseThrow(ApiException::notFound);
		return full(event);
	}

	/**
	 * The full event with Sentry's {@code previousEventID} (the closest older event of
	 * its issue) and {@code nextEventID} (the closest newer one), null at the ends.
	 */
	private ObjectNode full(StoredEvent event) {
		ObjectNode json = this.renderer.full(event);
		EventNeighbours neighbours = this.events.neighbours(event.projectId(), event.issueId(), event.timestamp(),
				event.eventId());
		json.put("previousEventID", neighbours.previousEventId());
		json.put("nextEventID", neighbours.nextEventId());
		return json;
	}

	/**
	 * Reads one page of a listing of events.
	 */
	@FunctionalInterface
	private interface Listing {

		Page<StoredEvent> page(Cursor cursor, int limit, @Nullable EventSearch search);

	}

	/**
	 * Accepts the dashed UUID form too (sentry-cli prints event ids so).
	 * @throws ApiException 404 when it cannot be an event id
	 */
	static String normalizeEventId(String eventId) {
		String normalized = eventId.replace("-", "").toLowerCase(Locale.ROOT);
		if (!EVENT_ID.matcher(normalized).matches()) {
			throw ApiException.notFound();
		}
		return normalized;
	}

}
