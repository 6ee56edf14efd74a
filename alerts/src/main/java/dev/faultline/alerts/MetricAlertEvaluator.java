package dev.faultline.alerts;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.alert.Incident;
import dev.faultline.storage.alert.MetricAlertRule;
import dev.faultline.storage.alert.MetricAlertRuleSpec;
import dev.faultline.storage.alert.MetricAlertStore;
import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.NotificationOutbox;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates metric alert rules on a schedule: each rule's aggregate over its query and
 * time window, as a query of the typed model (errors and transactions datasets), against
 * its triggers. A rule is evaluated once per tick ({@code interval}) across every process
 * on the metadata database: the first to claim the {@code (rule, tick)} row evaluates it.
 *
 * <p>
 * Transitions, as Sentry's subscription processor makes them: past the critical threshold
 * an incident opens (or goes) critical; past only the warning threshold it opens (or
 * goes) warning; back past the resolve threshold (by default the lowest trigger's
 * threshold) it closes. Each transition records its activity and enqueues the actions of
 * the trigger it reached (on resolution, of every trigger). Thread-safe.
 */
public final class MetricAlertEvaluator {

	private static final Logger logger = LoggerFactory.getLogger(MetricAlertEvaluator.class);

	private final MetricAlertStore store;

	private final OrganizationStore organizations;

	private final QueryRunner runner;

	private final NotificationPlanner planner;

	private final NotificationOutbox outbox;

	private final String baseUrl;

	private final Duration interval;

	private final String evaluatorId = ManagementFactory.getRuntimeMXBean().getName();

	public MetricAlertEvaluator(MetricAlertStore store, OrganizationStore organizations, QueryRunner runner,
			NotificationPlanner planner, NotificationOutbox outbox, String baseUrl, Duration interval) {
		this.store = store;
		this.organizations = organizations;
		this.runner = runner;
		this.planner = planner;
		this.outbox = outbox;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.interval = interval;
	}

	/**
	 * Evaluates every enabled rule whose evaluation at the current tick nobody claimed
	 * yet.
	 * @return how many rules this call evaluated
	 */
	public int evaluateDue(Instant now) {
		long tick = now.toEpochMilli() / this.interval.toMillis();
		int evaluated = 0;
		for (MetricAlertRule rule : this.store.listEnabled()) {
			if (!this.store.claimEvaluation(rule.id(), tick, this.evaluatorId, now)) {
				continue;
			}
			try {
				Double value = evaluate(rule, now);
				this.store.recordEvaluation(rule.id(), tick, value);
				evaluated++;
			}
			catch (RuntimeException ex) {
				logger.warn("Metric alert rule {} not evaluated at tick {}: {}", rule.id(), tick, ex.getMessage(), ex);
			}
		}
		return evaluated;
	}

	/**
	 * Evaluates one rule now and applies the transition its value calls for.
	 * @return the value, or null when the aggregate had none (no rows for a percentile)
	 */
	public @Nullable Double evaluate(MetricAlertRule rule, Instant now) {
		MetricAlertRuleSpec spec = rule.spec();
		if (spec.projectIds().isEmpty()) {
			return null;
		}
		Double value = value(spec, now);
		if (value == null) {
			return null;
		}
		List<Trigger> triggers = triggers(spec.triggers());
		boolean below = spec.thresholdType() == 1;
		Trigger critical = find(triggers, "critical");
		Trigger warning = find(triggers, "warning");
		int status = 0;
		if (critical != null && breaches(value, critical.threshold(), below)) {
			status = Incident.CRITICAL;
		}
		else if (warning != null && breaches(value, warning.threshold(), below)) {
			status = Incident.WARNING;
		}
		Optional<Incident> active = this.store.activeIncident(rule.id());
		if (status != 0) {
			Trigger reached = (status == Incident.CRITICAL) ? critical : warning;
			if (active.isEmpty()) {
				Incident opened = this.store.openIncident(rule.id(), spec.name(), status, value, now);
				notify(rule, opened, reached.label(), value, reached.actions(), now);
			}
			else if (active.get().status() != status) {
				Incident changed = this.store.changeIncidentStatus(active.get().id(), status, now).orElseThrow();
				notify(rule, changed, reached.label(), value, reached.actions(), now);
			}
		}
		else if (active.isPresent() && resolved(spec, triggers, value, below)) {
			Incident closed = this.store.changeIncidentStatus(active.get().id(), Incident.CLOSED, now).orElseThrow();
			List<JsonNode> actions = new ArrayList<>();
			triggers.forEach((trigger) -> actions.addAll(trigger.actions()));
			notify(rule, closed, "resolved", value, actions, now);
		}
		return value;
	}

	private @Nullable Double value(MetricAlertRuleSpec spec, Instant now) {
		Dataset dataset = dataset(spec.dataset());
		Expression aggregate = new FieldParser(dataset).parse(spec.aggregate()).expression();
		List<Condition> where = new ArrayList<>(new SearchConditions(dataset).parse(spec.query(), now));
		if (spec.environment() != null && !spec.environment().isBlank()) {
			where.add(new Condition.Compare(new FieldParser(dataset).parse("environment").expression(),
					Condition.Operator.EQUALS, spec.environment()));
		}
		Instant to = now.plusMillis(1);
		Query query = Query
			.builder(dataset, spec.projectIds(),
					new TimeRange(to.minus(Duration.ofMinutes(spec.timeWindowMinutes())), to))
			.select(aggregate)
			.where(where)
			.page(0, 1)
			.build();
		QueryResult result = this.runner.run(query);
		if (result.rows().isEmpty()) {
			return null;
		}
		Object value = result.rows().get(0).get(0);
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	/**
	 * The dataset of Sentry's name.
	 * @throws IllegalArgumentException for one Faultline cannot evaluate yet
	 */
	public static Dataset dataset(String name) {
		return switch (name) {
			case "events", "errors" -> Datasets.ERRORS;
			case "transactions", "generic-metrics" -> Datasets.TRANSACTIONS;
			default -> throw new IllegalArgumentException("dataset " + name + " is not supported yet");
		};
	}

	private static boolean breaches(double value, double threshold, boolean below) {
		return below ? value < threshold : value > threshold;
	}

	private static boolean resolved(MetricAlertRuleSpec spec, List<Trigger> triggers, double value, boolean below) {
		Double resolve = spec.resolveThreshold();
		if (resolve == null) {
			Trigger lowest = find(triggers, "warning");
			if (lowest == null) {
				lowest = find(triggers, "critical");
			}
			if (lowest == null) {
				return true;
			}
			resolve = lowest.threshold();
		}
		return below ? value >= resolve : value <= resolve;
	}

	private void notify(MetricAlertRule rule, Incident incident, String label, double value, List<JsonNode> actions,
			Instant now) {
		Optional<Organization> organization = this.organizations.findById(rule.organizationId());
		if (organization.isEmpty()) {
			return;
		}
		MetricAlertContext context = new MetricAlertContext(organization.get(), rule, incident, label, value,
				this.baseUrl, now);
		List<NewNotification> planned = this.planner.planMetric(context, actions);
		for (NewNotification notification : planned) {
			this.outbox.enqueue(notification, now);
		}
		logger.info("Metric alert rule {} is {} (value {}): incident {}, {} notifications", rule.id(), label, value,
				incident.identifier(), planned.size());
	}

	private static @Nullable Trigger find(List<Trigger> triggers, String label) {
		return triggers.stream().filter((trigger) -> trigger.label().equals(label)).findFirst().orElse(null);
	}

	/**
	 * Reads Sentry's trigger JSON.
	 * @throws RuleException when it is not a list of triggers with a critical one
	 */
	public static List<Trigger> triggers(String json) {
		JsonNode node;
		try {
			node = IssueRuleDefinition.JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new RuleException("triggers must be a JSON list");
		}
		if (!node.isArray()) {
			throw new RuleException("triggers must be a list");
		}
		List<Trigger> triggers = new ArrayList<>();
		for (JsonNode trigger : node) {
			String label = trigger.path("label").asString("");
			if (!label.equals("critical") && !label.equals("warning")) {
				throw new RuleException("a trigger's label must be critical or warning");
			}
			JsonNode threshold = trigger.path("alertThreshold");
			double value;
			if (threshold.isNumber()) {
				value = threshold.asDouble();
			}
			else if (threshold.isString()) {
				try {
					value = Double.parseDouble(threshold.asString());
				}
				catch (NumberFormatException ex) {
					throw new RuleException("alertThreshold must be a number");
				}
			}
			else {
				throw new RuleException("alertThreshold must be a number");
			}
			List<JsonNode> actions = new ArrayList<>();
			for (JsonNode action : trigger.path("actions")) {
				if (!action.isObject() || !action.path("type").isString()) {
					throw new RuleException("every trigger action needs a type");
				}
				actions.add(action);
			}
			triggers.add(new Trigger(label, value, actions));
		}
		if (triggers.stream().noneMatch((trigger) -> trigger.label().equals("critical"))) {
			throw new RuleException("a metric alert needs a critical trigger");
		}
		return triggers;
	}

	/**
	 * A threshold with its actions (Sentry's trigger action JSON).
	 */
	public record Trigger(String label, double threshold, List<JsonNode> actions) {

		public Trigger {
			actions = List.copyOf(actions);
		}

	}

	/**
	 * What a metric alert notification says.
	 *
	 * @param label {@code critical}, {@code warning} or {@code resolved}
	 */
	public record MetricAlertContext(Organization organization, MetricAlertRule rule, Incident incident, String label,
			double value, String baseUrl, Instant at) {

		/** The incident's page. */
		public String incidentUrl() {
			return this.baseUrl + "/alerts/incidents/" + this.incident.identifier() + "/";
		}

		/** {@code Critical: Too many errors}. */
		public String title() {
			return this.label.substring(0, 1).toUpperCase(Locale.ROOT) + this.label.substring(1) + ": "
					+ this.rule.spec().name();
		}

		/** {@code 120 events in the last 5 minutes}. */
		public String description() {
			String number = (this.value == Math.rint(this.value)) ? Long.toString((long) this.value)
					: String.format(Locale.ROOT, "%.2f", this.value);
			return this.rule.spec().aggregate() + " = " + number + " in the last "
					+ this.rule.spec().timeWindowMinutes() + " minutes"
					+ (this.rule.spec().query().isBlank() ? "" : " (" + this.rule.spec().query() + ")");
		}

		/** The {@code metric_alert} webhook body of internal integrations. */
		public String webhookPayload(String installation) {
			ObjectNode body = NotificationPayloads.object();
			body.put("action", this.label);
			body.putObject("installation").put("uuid", installation);
			ObjectNode data = body.putObject("data");
			ObjectNode alert = data.putObject("metric_alert");
			alert.put("id", Long.toString(this.incident.id()));
			alert.put("identifier", Long.toString(this.incident.identifier()));
			alert.put("organization_id", Long.toString(this.organization.id()));
			alert.put("title", this.rule.spec().name());
			alert.put("status", this.incident.status());
			alert.put("date_started", DateTimeFormatter.ISO_INSTANT.format(this.incident.dateStarted()));
			alert.put("date_detected", DateTimeFormatter.ISO_INSTANT.format(this.incident.dateDetected()));
			if (this.incident.dateClosed() != null) {
				alert.put("date_closed", DateTimeFormatter.ISO_INSTANT.format(this.incident.dateClosed()));
			}
			ObjectNode alertRule = alert.putObject("alert_rule");
			alertRule.put("id", Long.toString(this.rule.id()));
			alertRule.put("name", this.rule.spec().name());
			alertRule.put("aggregate", this.rule.spec().aggregate());
			alertRule.put("query", this.rule.spec().query());
			alertRule.put("time_window", this.rule.spec().timeWindowMinutes());
			alertRule.put("threshold_type", this.rule.spec().thresholdType());
			alertRule.put("dataset", this.rule.spec().dataset());
			data.put("description_text", description());
			data.put("description_title", title());
			data.put("web_url", incidentUrl());
			NotificationPayloads.actor(body);
			return body.toString();
		}

	}

}
