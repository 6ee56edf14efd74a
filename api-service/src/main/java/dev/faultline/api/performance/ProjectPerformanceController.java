package dev.faultline.api.performance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.performance.DetectionSettings;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.ProjectPerformance;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's performance settings on Sentry's paths. The Apdex threshold answers
 * {@code {"id", "threshold", "metric", "projectId"}} (numbers as strings, as Sentry's
 * serializer writes them); the issue settings answer every changeable key with its value.
 * A bad value is a 400 naming the key. The processor applies a change once its settings
 * cache expires (30 s).
 */
@RestController
class ProjectPerformanceController {

	private static final Logger logger = LoggerFactory.getLogger(ProjectPerformanceController.class);

	/** Sentry's bounds: thresholds up to ten minutes. */
	private static final long MAX_THRESHOLD_MILLIS = 600_000;

	private static final Set<String> METRICS = Set.of("duration", "lcp");

	private final ProjectSettingsStore settings;

	private final Access access;

	ProjectPerformanceController(MetadataStores metadataStores, Access access) {
		this.settings = metadataStores.projectSettings();
		this.access = access;
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/transaction-threshold/configure/")
	Map<String, Object> threshold(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		return thresholdJson(found.project().id(), current(found));
	}

	/**
	 * Sets the threshold ({@code {"threshold": 450, "metric": "duration"}}); either may
	 * be left out to keep its value.
	 */
	@PostMapping("/api/0/projects/{organizationSlug}/{projectSlug}/transaction-threshold/configure/")
	Map<String, Object> setThreshold(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		ProjectPerformance current = current(found);
		Map<String, Object> given = (body != null) ? body : Map.of();
		long threshold = given.containsKey("threshold") ? threshold(given.get("threshold"))
				: current.transactionThresholdMillis();
		String metric = given.containsKey("metric") ? metric(given.get("metric")) : current.transactionMetric();
		ProjectPerformance updated = new ProjectPerformance(threshold, metric, current.issueSettings());
		store(found, updated);
		logger.info("Set the transaction threshold of project {} to {} ms ({})", found.project().id(), threshold,
				metric);
		return thresholdJson(found.project().id(), updated);
	}

	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/transaction-threshold/configure/")
	ResponseEntity<Void> resetThreshold(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		ProjectPerformance current = current(found);
		store(found, new ProjectPerformance(ProjectPerformance.DEFAULTS.transactionThresholdMillis(),
				ProjectPerformance.DEFAULTS.transactionMetric(), current.issueSettings()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/performance-issues/configure/")
	Map<String, Object> issueSettings(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		return DetectionSettings.DEFAULTS.with(current(found).issueSettings()).values();
	}

	/**
	 * Changes some issue settings ({@code {"slow_db_query_duration_threshold": 1500}});
	 * the others keep their values.
	 */
	@PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/performance-issues/configure/")
	Map<String, Object> changeIssueSettings(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		if (body == null || body.isEmpty()) {
			throw ApiException.badRequest("Give at least one setting to change");
		}
		ProjectPerformance current = current(found);
		Map<String, String> changed = new LinkedHashMap<>(current.issueSettings());
		body.forEach((key, value) -> {
			if (!(value instanceof Boolean) && !(value instanceof Number) && !(value instanceof String)) {
				throw ApiException.badRequest(key + " must be a boolean or a number");
			}
			changed.put(key, String.valueOf(value));
		});
		DetectionSettings settings;
		try {
			settings = DetectionSettings.DEFAULTS.with(changed);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
		store(found,
				new ProjectPerformance(current.transactionThresholdMillis(), current.transactionMetric(), changed));
		logger.info("Changed performance issue settings {} of project {}", body.keySet(), found.project().id());
		return settings.values();
	}

	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/performance-issues/configure/")
	ResponseEntity<Void> resetIssueSettings(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		ProjectPerformance current = current(found);
		store(found,
				new ProjectPerformance(current.transactionThresholdMillis(), current.transactionMetric(), Map.of()));
		return ResponseEntity.noContent().build();
	}

	private ProjectPerformance current(OrganizationProject found) {
		return this.settings.findPerformance(found.project().id()).orElseThrow(ApiException::notFound);
	}

	private void store(OrganizationProject found, ProjectPerformance performance) {
		if (!this.settings.updatePerformance(found.project().id(), performance)) {
			throw ApiException.notFound();
		}
	}

	private static Map<String, Object> thresholdJson(long projectId, ProjectPerformance performance) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(projectId));
		json.put("threshold", Long.toString(performance.transactionThresholdMillis()));
		json.put("metric", performance.transactionMetric());
		json.put("projectId", Long.toString(projectId));
		return json;
	}

	private static long threshold(@Nullable Object value) {
		long threshold;
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			threshold = number.longValue();
		}
		else if (value instanceof String text && !text.isBlank() && text.strip().chars().allMatch(Character::isDigit)
				&& text.strip().length() <= 9) {
			threshold = Long.parseLong(text.strip());
		}
		else {
			throw ApiException.badRequest("threshold must be a whole number of milliseconds");
		}
		if (threshold < 1 || threshold > MAX_THRESHOLD_MILLIS) {
			throw ApiException.badRequest("threshold must be between 1 and " + MAX_THRESHOLD_MILLIS + " ms");
		}
		return threshold;
	}

	private static String metric(@Nullable Object value) {
		if (!(value instanceof String metric) || !METRICS.contains(metric)) {
			throw ApiException.badRequest("metric must be one of duration, lcp");
		}
		return metric;
	}

}
