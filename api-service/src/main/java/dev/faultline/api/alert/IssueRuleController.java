package dev.faultline.api.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.alerts.IssueRuleDefinition;
import dev.faultline.alerts.RuleException;
import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.alert.IssueAlertRule;
import dev.faultline.storage.alert.IssueAlertRuleSpec;
import dev.faultline.storage.alert.IssueAlertRuleStore;
import dev.faultline.storage.alert.RuleFire;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's issue alert rules on Sentry's paths and in Sentry's JSON: {@code name},
 * {@code frequency} (minutes, 5 to 43200 in Sentry; Faultline accepts 0 to 43200),
 * {@code actionMatch}, {@code filterMatch}, {@code conditions}, {@code filters},
 * {@code actions}, {@code environment}, {@code owner}, {@code status}; snooze and
 * unsnooze; the firing history ({@code group-history}); the catalogue the rule builder
 * offers ({@code configuration}). A rule Faultline would not evaluate exactly as written
 * is a 400 naming the part. Reading needs {@code alerts:read}, changing
 * {@code alerts:write}. The processor picks a change up within
 * {@code faultline.alerts.rule-cache-ttl}.
 */
@RestController
class IssueRuleController {

	private static final Logger logger = LoggerFactory.getLogger(IssueRuleController.class);

	private static final String RULES = "/api/0/projects/{organizationSlug}/{projectSlug}/rules/";

	private static final String RULE = RULES + "{ruleId}/";

	private static final int MAX_FREQUENCY = 43_200;

	private static final Set<String> STATUSES = Set.of("active", "disabled");

	private final Access access;

	private final IssueAlertRuleStore rules;

	private final UserStore users;

	IssueRuleController(Access access, MetadataStores stores) {
		this.access = access;
		this.rules = stores.alerts().issueRules();
		this.users = stores.users();
	}

	@GetMapping(RULES)
	List<Map<String, Object>> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:read");
		List<Map<String, Object>> rules = new ArrayList<>();
		for (IssueAlertRule rule : this.rules.list(found.project().id())) {
			rules.add(json(rule, found));
		}
		return rules;
	}

	@PostMapping(RULES)
	ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:write");
		IssueAlertRuleSpec spec = spec(body, null);
		IssueAlertRule rule = this.rules.create(found.project().id(), spec, caller.user().id());
		logger.info("Created issue alert rule {} of project {}", rule.id(), found.project().id());
		return ResponseEntity.status(HttpStatus.CREATED).body(json(rule, found));
	}

	@GetMapping(RULE)
	Map<String, Object> get(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String ruleId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:read");
		return json(rule(found, ruleId), found);
	}

	@PutMapping(RULE)
	Map<String, Object> update(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String ruleId, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:write");
		IssueAlertRule current = rule(found, ruleId);
		IssueAlertRule updated = this.rules.update(found.project().id(), current.id(), spec(body, current.spec()))
			.orElseThrow(ApiException::notFound);
		logger.info("Updated issue alert rule {} of project {}", updated.id(), found.project().id());
		return json(updated, found);
	}

	@DeleteMapping(RULE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String ruleId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:write");
		if (!this.rules.delete(found.project().id(), AlertJson.id(ruleId))) {
			throw ApiException.notFound();
		}
		return ResponseEntity.accepted().build();
	}

	/**
	 * Mutes the rule: {@code {"until": "<ISO time>"}} or forever. Sentry's body names a
	 * target ({@code me} or {@code everyone}); Faultline mutes for everyone.
	 */
	@PostMapping(RULE + "snooze/")
	ResponseEntity<Map<String, Object>> snooze(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @PathVariable String ruleId,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:write");
		Instant until = null;
		String text = (body != null) ? AlertJson.optionalText(body, "until") : null;
		if (text != null) {
			try {
				until = Instant.parse(text);
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw ApiException.badRequest("until must be an ISO 8601 time");
			}
		}
		IssueAlertRule rule = this.rules.snooze(found.project().id(), rule(found, ruleId).id(), until)
			.orElseThrow(ApiException::notFound);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ruleId", Long.toString(rule.id()));
		json.put("ownerId", caller.user().id());
		json.put("userId", null);
		json.put("until", ApiDates.formatNullable(rule.snoozeUntil()));
		json.put("dateAdded", ApiDates.format(rule.dateModified()));
		return ResponseEntity.status(HttpStatus.CREATED).body(json);
	}

	@DeleteMapping(RULE + "snooze/")
	ResponseEntity<Void> unsnooze(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @PathVariable String ruleId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:write");
		this.rules.unsnooze(found.project().id(), rule(found, ruleId).id()).orElseThrow(ApiException::notFound);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The rule's firings, newest first: {@code [{"group": {"id"}, "eventId",
	 * "lastTriggered"}]}.
	 */
	@GetMapping(RULE + "group-history/")
	List<Map<String, Object>> history(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @PathVariable String ruleId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, "alerts:read");
		List<Map<String, Object>> fires = new ArrayList<>();
		for (RuleFire fire : this.rules.fires(rule(found, ruleId).id(), 100)) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("group", Map.of("id", Long.toString(fire.issueId())));
			json.put("count", 1);
			json.put("eventId", fire.eventId());
			json.put("lastTriggered", ApiDates.format(fire.dateFired()));
			fires.add(json);
		}
		return fires;
	}

	@GetMapping(RULES + "configuration/")
	Map<String, Object> configuration(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		this.access.project(caller, organizationSlug, projectSlug, "alerts:read");
		return RuleCatalogue.CONFIGURATION;
	}

	private IssueAlertRule rule(OrganizationProject found, String ruleId) {
		return this.rules.find(found.project().id(), AlertJson.id(ruleId)).orElseThrow(ApiException::notFound);
	}

	/**
	 * The rule a body describes; on update the parts it leaves out keep their values.
	 */
	private static IssueAlertRuleSpec spec(@Nullable Map<String, Object> body, @Nullable IssueAlertRuleSpec current) {
		Map<String, Object> given = (body != null) ? body : Map.of();
		String name = (current != null && !given.containsKey("name")) ? current.name()
				: AlertJson.requiredText(given, "name");
		if (name.length() > 256) {
			throw ApiException.badRequest("name: at most 256 characters");
		}
		int frequency;
		if (given.containsKey("frequency")) {
			long value = AlertJson.number(given.get("frequency"), "frequency");
			if (value < 0 || value > MAX_FREQUENCY) {
				throw ApiException.badRequest("frequency must be between 0 and " + MAX_FREQUENCY + " minutes");
			}
			frequency = (int) value;
		}
		else {
			frequency = (current != null) ? current.frequencyMinutes() : 30;
		}
		String actionMatch = text(given, "actionMatch", (current != null) ? current.actionMatch() : "all");
		String filterMatch = text(given, "filterMatch", (current != null) ? current.filterMatch() : "all");
		String conditions = part(given, "conditions", (current != null) ? current.conditions() : "[]");
		String filters = part(given, "filters", (current != null) ? current.filters() : "[]");
		if (current == null && !given.containsKey("actions")) {
			throw ApiException.badRequest("actions: This field is required.");
		}
		String actions = part(given, "actions", (current != null) ? current.actions() : "[]");
		String environment = given.containsKey("environment") ? AlertJson.optionalText(given, "environment")
				: (current != null) ? current.environment() : null;
		String owner = given.containsKey("owner") ? AlertJson.optionalText(given, "owner")
				: (current != null) ? current.owner() : null;
		if (owner != null && !ClientPatterns.ACTOR.jdk().matcher(owner).matches()) {
			throw ApiException.badRequest("owner must be user:ID or team:ID");
		}
		String status = text(given, "status", (current != null) ? current.status() : "active");
		if (!STATUSES.contains(status)) {
			throw ApiException.badRequest("status must be active or disabled");
		}
		try {
			IssueRuleDefinition.parse(actionMatch, filterMatch, conditions, filters, actions);
		}
		catch (RuleException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
		return new IssueAlertRuleSpec(name, environment, actionMatch, filterMatch, frequency, conditions, filters,
				actions, owner, status);
	}

	private static String text(Map<String, Object> body, String key, String fallback) {
		String value = AlertJson.optionalText(body, key);
		return (value == null) ? fallback : value;
	}

	private static String part(Map<String, Object> body, String key, String fallback) {
		if (!body.containsKey(key)) {
			return fallback;
		}
		Object value = body.get(key);
		if (value != null && !(value instanceof List)) {
			throw ApiException.badRequest(key + " must be a list");
		}
		return AlertJson.write(value);
	}

	private Map<String, Object> json(IssueAlertRule rule, OrganizationProject found) {
		IssueAlertRuleSpec spec = rule.spec();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(rule.id()));
		json.put("conditions", AlertJson.read(spec.conditions()));
		json.put("filters", AlertJson.read(spec.filters()));
		json.put("actions", AlertJson.read(spec.actions()));
		json.put("actionMatch", spec.actionMatch());
		json.put("filterMatch", spec.filterMatch());
		json.put("frequency", spec.frequencyMinutes());
		json.put("name", spec.name());
		json.put("dateCreated", ApiDates.format(rule.dateCreated()));
		json.put("owner", spec.owner());
		json.put("createdBy", creator(rule.createdBy()));
		json.put("environment", spec.environment());
		json.put("projects", List.of(found.project().slug()));
		json.put("status", spec.status());
		boolean snoozed = rule.snoozedAt(Instant.now());
		json.put("snooze", snoozed);
		json.put("snoozeForEveryone", snoozed);
		json.put("snoozeUntil", snoozed ? ApiDates.formatNullable(rule.snoozeUntil()) : null);
		json.put("lastTriggered", ApiDates.formatNullable(rule.lastTriggered()));
		return json;
	}

	private @Nullable Map<String, Object> creator(@Nullable Long userId) {
		if (userId == null) {
			return null;
		}
		return this.users.findById(userId).map(IssueRuleController::user).orElse(null);
	}

	private static Map<String, Object> user(User user) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", user.id());
		json.put("name", user.name());
		json.put("email", user.email());
		return json;
	}

}
