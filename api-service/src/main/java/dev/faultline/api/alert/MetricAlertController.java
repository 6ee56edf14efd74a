package dev.faultline.api.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.faultline.alerts.MetricAlertEvaluator;
import dev.faultline.alerts.RuleException;
import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.search.SearchSyntaxException;
import dev.faultline.query.Dataset;
import dev.faultline.query.FieldParser;
import dev.faultline.query.SearchConditions;
import dev.faultline.storage.alert.Incident;
import dev.faultline.storage.alert.IncidentActivity;
import dev.faultline.storage.alert.MetricAlertRule;
import dev.faultline.storage.alert.MetricAlertRuleSpec;
import dev.faultline.storage.alert.MetricAlertStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metric alert rules and their incidents on Sentry's paths and in Sentry's JSON:
 * {@code name}, {@code aggregate} (a field string of the typed query model:
 * {@code count()}, {@code count_unique(user)}, {@code p95(transaction.duration)},
 * {@code failure_rate()}…), {@code query}, {@code dataset} ({@code events} or
 * {@code transactions}), {@code timeWindow} (minutes), {@code thresholdType} (0 above, 1
 * below), {@code resolveThreshold}, {@code environment}, {@code projects} (slugs) and
 * {@code triggers} (critical required, warning optional, each with its actions). The
 * processor evaluates enabled rules every {@code faultline.alerts.metric-interval}.
 * Incidents answer with their timeline ({@code activity/}).
 */
@RestController
class MetricAlertController {

	private static final Logger logger = LoggerFactory.getLogger(MetricAlertController.class);

	private static final String RULES = "/api/0/organizations/{organizationSlug}/alert-rules/";

	private static final String INCIDENTS = "/api/0/organizations/{organizationSlug}/incidents/";

	private static final Set<Integer> WINDOWS = Set.of(1, 5, 10, 15, 30, 60, 120, 240, 1440);

	private final Access access;

	private final MetricAlertStore store;

	private final ProjectStore projects;

	MetricAlertController(Access access, MetadataStores stores) {
		this.access = access;
		this.store = stores.alerts().metricAlerts();
		this.projects = stores.projects();
	}

	@GetMapping(RULES)
	List<Map<String, Object>> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		List<Map<String, Object>> list = new ArrayList<>();
		for (MetricAlertRule rule : this.store.list(organization.id())) {
			list.add(json(rule));
		}
		return list;
	}

	@PostMapping(RULES)
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:write");
		MetricAlertRule rule = this.store.create(organization.id(), spec(organization, body, null), caller.user().id());
		logger.info("Created metric alert rule {} of organization {}", rule.id(), organization.id());
		return ResponseEntity.status(HttpStatus.CREATED).body(json(rule));
	}

	@GetMapping(RULES + "{ruleId}/")
	Map<String, Object> get(Caller caller, @PathVariable String organizationSlug, @PathVariable String ruleId) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		return json(rule(organization, ruleId));
	}

	@PutMapping(RULES + "{ruleId}/")
	Map<String, Object> update(Caller caller, @PathVariable String organizationSlug, @PathVariable String ruleId,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:write");
		MetricAlertRule current = rule(organization, ruleId);
		return json(this.store.update(organization.id(), current.id(), spec(organization, body, current.spec()))
			.orElseThrow(ApiException::notFound));
	}

	@DeleteMapping(RULES + "{ruleId}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String ruleId) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:write");
		if (!this.store.delete(organization.id(), rule(organization, ruleId).id())) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping(INCIDENTS)
	List<Map<String, Object>> incidents(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(required = false) @Nullable String alertRule) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		Long ruleId = (alertRule == null || alertRule.isBlank()) ? null : AlertJson.id(alertRule);
		List<Map<String, Object>> list = new ArrayList<>();
		for (Incident incident : this.store.listIncidents(organization.id(), ruleId, 100)) {
			list.add(incident(organization, incident));
		}
		return list;
	}

	@GetMapping(INCIDENTS + "{identifier}/")
	Map<String, Object> incident(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String identifier) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		return incident(organization, this.store.findIncident(organization.id(), AlertJson.id(identifier))
			.orElseThrow(ApiException::notFound));
	}

	@GetMapping(INCIDENTS + "{identifier}/activity/")
	List<Map<String, Object>> activity(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String identifier) {
		Organization organization = this.access.organization(caller, organizationSlug, "alerts:read");
		Incident incident = this.store.findIncident(organization.id(), AlertJson.id(identifier))
			.orElseThrow(ApiException::notFound);
		List<Map<String, Object>> list = new ArrayList<>();
		for (IncidentActivity activity : this.store.activities(incident.id())) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", Long.toString(activity.id()));
			json.put("incidentIdentifier", Long.toString(incident.identifier()));
			json.put("type", activity.type());
			json.put("value", activity.value());
			json.put("previousValue", activity.previousValue());
			json.put("user", null);
			json.put("comment", null);
			json.put("dateCreated", ApiDates.format(activity.dateCreated()));
			list.add(json);
		}
		return list;
	}

	private MetricAlertRule rule(Organization organization, String ruleId) {
		return this.store.find(organization.id(), AlertJson.id(ruleId)).orElseThrow(ApiException::notFound);
	}

	private MetricAlertRuleSpec spec(Organization organization, @Nullable Map<String, Object> body,
			@Nullable MetricAlertRuleSpec current) {
		Map<String, Object> given = (body != null) ? body : Map.of();
		String name = (current != null && !given.containsKey("name")) ? current.name()
				: AlertJson.requiredText(given, "name");
		String datasetName = text(given, "dataset", (current != null) ? current.dataset() : "events");
		Dataset dataset;
		try {
			dataset = MetricAlertEvaluator.dataset(datasetName);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
		String aggregate = (current != null && !given.containsKey("aggregate")) ? current.aggregate()
				: AlertJson.requiredText(given, "aggregate");
		try {
			if (!(new FieldParser(dataset).parse(aggregate).expression() instanceof dev.faultline.query.Aggregate)) {
				throw ApiException.badRequest("aggregate must be a function such as count()");
			}
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("aggregate: " + ex.getMessage());
		}
		String query = given.containsKey("query") ? String.valueOf(given.getOrDefault("query", "")).strip()
				: (current != null) ? current.query() : "";
		if ("null".equals(query)) {
			query = "";
		}
		try {
			new SearchConditions(dataset).parse(query, Instant.now());
		}
		catch (SearchSyntaxException | IllegalArgumentException ex) {
			throw ApiException.badRequest("query: " + ex.getMessage());
		}
		int window = given.containsKey("timeWindow") ? (int) AlertJson.number(given.get("timeWindow"), "timeWindow")
				: (current != null) ? current.timeWindowMinutes() : -1;
		if (!WINDOWS.contains(window)) {
			throw ApiException.badRequest("timeWindow must be one of 1, 5, 10, 15, 30, 60, 120, 240, 1440");
		}
		int thresholdType = given.containsKey("thresholdType")
				? (int) AlertJson.number(given.get("thresholdType"), "thresholdType")
				: (current != null) ? current.thresholdType() : 0;
		if (thresholdType != 0 && thresholdType != 1) {
			throw ApiException.badRequest("thresholdType must be 0 (above) or 1 (below)");
		}
		Double resolve = given.containsKey("resolveThreshold")
				? AlertJson.decimal(given.get("resolveThreshold"), "resolveThreshold")
				: (current != null) ? current.resolveThreshold() : null;
		String environment = given.containsKey("environment") ? AlertJson.optionalText(given, "environment")
				: (current != null) ? current.environment() : null;
		List<Long> projectIds;
		if (given.containsKey("projects")) {
			projectIds = projectIds(organization, given.get("projects"));
		}
		else if (current != null) {
			projectIds = current.projectIds();
		}
		else {
			throw ApiException.badRequest("projects: This field is required.");
		}
		String triggers = (current != null && !given.containsKey("triggers")) ? current.triggers()
				: AlertJson.write(given.get("triggers"));
		try {
			MetricAlertEvaluator.triggers(triggers);
		}
		catch (RuleException ex) {
			throw ApiException.badRequest("triggers: " + ex.getMessage());
		}
		String owner = given.containsKey("owner") ? AlertJson.optionalText(given, "owner")
				: (current != null) ? current.owner() : null;
		int status = (current != null) ? current.status() : 0;
		if (given.containsKey("status")) {
			Object value = given.get("status");
			status = ("disabled".equals(value) || Integer.valueOf(1).equals(value)) ? 1 : 0;
		}
		return new MetricAlertRuleSpec(name, datasetName, aggregate, query, window, thresholdType, resolve, environment,
				projectIds, triggers, owner, status);
	}

	private List<Long> projectIds(Organization organization, @Nullable Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw ApiException.badRequest("projects must list at least one project slug");
		}
		List<Long> ids = new ArrayList<>();
		for (Object item : list) {
			Optional<Project> project = this.projects.findBySlug(organization.id(), String.valueOf(item));
			ids.add(project.orElseThrow(() -> ApiException.badRequest("unknown project " + item)).id());
		}
		return ids;
	}

	private static String text(Map<String, Object> body, String key, String fallback) {
		String value = AlertJson.optionalText(body, key);
		return (value == null) ? fallback : value;
	}

	private Map<String, Object> json(MetricAlertRule rule) {
		MetricAlertRuleSpec spec = rule.spec();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(rule.id()));
		json.put("name", spec.name());
		json.put("organizationId", Long.toString(rule.organizationId()));
		json.put("status", spec.status());
		json.put("environment", spec.environment());
		json.put("dataset", spec.dataset());
		json.put("queryType", spec.dataset().equals("transactions") ? 1 : 0);
		json.put("eventTypes",
				spec.dataset().equals("transactions") ? List.of("transaction") : List.of("error", "default"));
		json.put("aggregate", spec.aggregate());
		json.put("query", spec.query());
		json.put("timeWindow", spec.timeWindowMinutes());
		json.put("thresholdType", spec.thresholdType());
		json.put("resolveThreshold", spec.resolveThreshold());
		List<String> slugs = new ArrayList<>();
		for (long projectId : spec.projectIds()) {
			this.projects.findById(projectId).ifPresent((project) -> slugs.add(project.slug()));
		}
		json.put("projects", slugs);
		List<Map<String, Object>> triggers = new ArrayList<>();
		int index = 0;
		for (JsonNode trigger : AlertJson.read(spec.triggers())) {
			long triggerId = rule.id() * 100 + index++;
			Map<String, Object> triggerJson = new LinkedHashMap<>();
			triggerJson.put("id", Long.toString(triggerId));
			triggerJson.put("alertRuleId", Long.toString(rule.id()));
			triggerJson.put("label", trigger.path("label").asString(""));
			triggerJson.put("thresholdType", spec.thresholdType());
			triggerJson.put("alertThreshold", trigger.path("alertThreshold").asDouble());
			triggerJson.put("resolveThreshold", spec.resolveThreshold());
			List<Object> actions = new ArrayList<>();
			int actionIndex = 0;
			for (JsonNode action : trigger.path("actions")) {
				Map<String, Object> actionJson = new LinkedHashMap<>();
				actionJson.put("id", Long.toString(triggerId * 100 + actionIndex++));
				actionJson.put("alertRuleTriggerId", Long.toString(triggerId));
				for (String key : List.of("type", "targetType", "targetIdentifier", "integrationId", "sentryAppId",
						"inputChannelId", "priority")) {
					JsonNode value = action.path(key);
					actionJson.put(key, (value.isMissingNode() || value.isNull()) ? null : value.asString());
				}
				actions.add(actionJson);
			}
			triggerJson.put("actions", actions);
			triggers.add(triggerJson);
		}
		json.put("triggers", triggers);
		json.put("owner", spec.owner());
		json.put("createdBy", (rule.createdBy() == null) ? null : Map.of("id", rule.createdBy()));
		json.put("dateCreated", ApiDates.format(rule.dateCreated()));
		json.put("dateModified", ApiDates.format(rule.dateModified()));
		return json;
	}

	private Map<String, Object> incident(Organization organization, Incident incident) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(incident.id()));
		json.put("identifier", Long.toString(incident.identifier()));
		json.put("organizationId", Long.toString(organization.id()));
		Optional<MetricAlertRule> rule = this.store.find(organization.id(), incident.alertRuleId());
		json.put("alertRule", rule.map(this::json).orElse(null));
		json.put("projects", rule.map((found) -> json(found).get("projects")).orElse(List.of()));
		json.put("status", incident.status());
		json.put("statusMethod", 3);
		json.put("type", 2);
		json.put("title", incident.title());
		json.put("dateStarted", ApiDates.format(incident.dateStarted()));
		json.put("dateDetected", ApiDates.format(incident.dateDetected()));
		json.put("dateCreated", ApiDates.format(incident.dateStarted()));
		json.put("dateClosed", ApiDates.formatNullable(incident.dateClosed()));
		return json;
	}

}
