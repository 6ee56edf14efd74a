package dev.faultline.api.tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.storage.events.EventAggregates;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's tag keys and values of the last {@link #WINDOW} (search suggestions),
 * built-in keys ({@code level}, {@code environment}, {@code release}) included.
 */
@RestController
class ProjectTagController {

	static final Duration WINDOW = Duration.ofDays(14);

	static final int MAX_KEYS = 1000;

	static final int MAX_VALUES = 100;

	private final Access access;

	private final EventAggregates events;

	private final Clock clock = Clock.systemUTC();

	ProjectTagController(Access access, EventAggregates events) {
		this.access = access;
		this.events = events;
	}

	/** Most events first. */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/tags/")
	List<TagJson> keys(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		return this.events.tagKeys(List.of(found.project().id()), since(), MAX_KEYS).stream().map(TagJson::of).toList();
	}

	/**
	 * Most events first, at most {@link #MAX_VALUES}; with {@code query} only values
	 * starting with it (ignoring case).
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/tags/{key}/values/")
	List<TagJson.ValueJson> values(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @PathVariable String key,
			@RequestParam(required = false) @Nullable String query) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		String prefix = (query != null) ? query : "";
		return TagJson.values(key,
				this.events.tagValues(List.of(found.project().id()), key, prefix, since(), MAX_VALUES), 0);
	}

	private Instant since() {
		return this.clock.instant().minus(WINDOW);
	}

}
