package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.alert.Incident;
import dev.faultline.storage.alert.IncidentActivity;
import dev.faultline.storage.alert.MetricAlertRule;
import dev.faultline.storage.alert.MetricAlertRuleSpec;
import dev.faultline.storage.alert.MetricAlertStore;
import org.jspecify.annotations.Nullable;

/**
 * {@link MetricAlertStore} over {@code metric_alert_rules},
 * {@code metric_alert_projects}, {@code metric_alert_evaluations}, {@code incidents} and
 * {@code incident_activity} (V12). An evaluation is claimed by inserting its
 * {@code (rule, tick)} key: the primary key lets one insert through on both engines.
 */
final class JdbcMetricAlertStore implements MetricAlertStore {

	private static final String SELECT_RULE = "SELECT id, organization_id, name, dataset, aggregate, query, "
			+ "time_window, threshold_type, resolve_threshold, environment, triggers, owner, status, created_by, "
			+ "date_created, date_modified FROM metric_alert_rules ";

	private static final String SELECT_INCIDENT = "SELECT id, organization_id, alert_rule_id, identifier, status, "
			+ "title, date_started, date_detected, date_closed FROM incidents ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcMetricAlertStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public MetricAlertRule create(long organizationId, MetricAlertRuleSpec spec, @Nullable Long createdBy) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			long id = Queries.insert(connection,
					"INSERT INTO metric_alert_rules (organization_id, name, dataset, aggregate, query, time_window, "
							+ "threshold_type, resolve_threshold, environment, triggers, owner, status, created_by, "
							+ "date_created, date_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
							+ "RETURNING id",
					"metric alert rule not created", organizationId, spec.name(), spec.dataset(), spec.aggregate(),
					spec.query(), spec.timeWindowMinutes(), spec.thresholdType(), spec.resolveThreshold(),
					spec.environment(), spec.triggers(), spec.owner(), spec.status(), createdBy, now, now);
			setProjects(connection, id, organizationId, spec.projectIds());
			return rule(connection, id).orElseThrow();
		});
	}

	@Override
	public Optional<MetricAlertRule> update(long organizationId, long ruleId, MetricAlertRuleSpec spec) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			if (Queries.update(connection,
					"UPDATE metric_alert_rules SET name = ?, dataset = ?, aggregate = ?, query = ?, time_window = ?, "
							+ "threshold_type = ?, resolve_threshold = ?, environment = ?, triggers = ?, owner = ?, "
							+ "status = ?, date_modified = ? WHERE id = ? AND organization_id = ?",
					spec.name(), spec.dataset(), spec.aggregate(), spec.query(), spec.timeWindowMinutes(),
					spec.thresholdType(), spec.resolveThreshold(), spec.environment(), spec.triggers(), spec.owner(),
					spec.status(), now, ruleId, organizationId) == 0) {
				return Optional.empty();
			}
			Queries.update(connection, "DELETE FROM metric_alert_projects WHERE rule_id = ?", ruleId);
			setProjects(connection, ruleId, organizationId, spec.projectIds());
			return rule(connection, ruleId);
		});
	}

	@Override
	public boolean delete(long organizationId, long ruleId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM metric_alert_rules WHERE id = ? AND organization_id = ?", ruleId, organizationId) > 0);
	}

	@Override
	public Optional<MetricAlertRule> find(long organizationId, long ruleId) {
		return this.database
			.read((connection) -> rule(connection, ruleId).filter((rule) -> rule.organizationId() == organizationId));
	}

	@Override
	public List<MetricAlertRule> list(long organizationId) {
		return this.database.read((connection) -> rules(connection,
				Queries.list(connection, "SELECT id FROM metric_alert_rules WHERE organization_id = ? ORDER BY id",
						(row) -> row.getLong(1), organizationId)));
	}

	@Override
	public List<MetricAlertRule> listEnabled() {
		return this.database.read((connection) -> rules(connection, Queries.list(connection,
				"SELECT id FROM metric_alert_rules WHERE status = 0 ORDER BY id", (row) -> row.getLong(1))));
	}

	@Override
	public boolean claimEvaluation(long ruleId, long tick, String evaluator, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> Queries.first(connection,
				"INSERT INTO metric_alert_evaluations (rule_id, tick, evaluator, date_claimed) VALUES (?, ?, ?, ?) "
						+ "ON CONFLICT (rule_id, tick) DO NOTHING RETURNING rule_id",
				(row) -> row.getLong(1), ruleId, tick, evaluator, now)
			.isPresent());
	}

	@Override
	public void recordEvaluation(long ruleId, long tick, @Nullable Double value) {
		this.database.write((connection) -> Queries.update(connection,
				"UPDATE metric_alert_evaluations SET value = ? WHERE rule_id = ? AND tick = ?", value, ruleId, tick));
	}

	@Override
	public Optional<Incident> activeIncident(long ruleId) {
		return this.database.read((connection) -> Queries.first(connection,
				SELECT_INCIDENT + "WHERE alert_rule_id = ? AND status <> ? ORDER BY id DESC LIMIT 1",
				JdbcMetricAlertStore::incident, ruleId, Incident.CLOSED));
	}

	@Override
	public Incident openIncident(long ruleId, String title, int status, double value, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			long organizationId = Queries
				.first(connection, "SELECT organization_id FROM metric_alert_rules WHERE id = ?",
						(row) -> row.getLong(1), ruleId)
				.orElseThrow(() -> new IllegalArgumentException("no metric alert rule " + ruleId));
			long identifier = Queries
				.first(connection, "SELECT COALESCE(MAX(identifier), 0) + 1 FROM incidents WHERE organization_id = ?",
						(row) -> row.getLong(1), organizationId)
				.orElseThrow();
			long id = Queries.insert(connection,
					"INSERT INTO incidents (organization_id, alert_rule_id, identifier, status, title, date_started, "
							+ "date_detected) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
					"incident not created", organizationId, ruleId, identifier, status, title, now, now);
			activity(connection, id, IncidentActivity.STARTED, null, null, now);
			activity(connection, id, IncidentActivity.DETECTED, format(value), null, now);
			activity(connection, id, IncidentActivity.STATUS_CHANGE, Integer.toString(status),
					Integer.toString(Incident.OPEN), now);
			return Queries.first(connection, SELECT_INCIDENT + "WHERE id = ?", JdbcMetricAlertStore::incident, id)
				.orElseThrow();
		});
	}

	@Override
	public Optional<Incident> changeIncidentStatus(long incidentId, int status, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			Optional<Incident> current = Queries.first(connection, SELECT_INCIDENT + "WHERE id = ? AND status <> ?",
					JdbcMetricAlertStore::incident, incidentId, Incident.CLOSED);
			if (current.isEmpty()) {
				return Optional.empty();
			}
			if (current.get().status() == status) {
				return current;
			}
			Queries.update(connection, "UPDATE incidents SET status = ?, date_closed = ? WHERE id = ?", status,
					(status == Incident.CLOSED) ? now : null, incidentId);
			activity(connection, incidentId, IncidentActivity.STATUS_CHANGE, Integer.toString(status),
					Integer.toString(current.get().status()), now);
			return Queries.first(connection, SELECT_INCIDENT + "WHERE id = ?", JdbcMetricAlertStore::incident,
					incidentId);
		});
	}

	@Override
	public List<Incident> listIncidents(long organizationId, @Nullable Long ruleId, int limit) {
		return this.database.read((connection) -> {
			if (ruleId == null) {
				return Queries.list(connection,
						SELECT_INCIDENT + "WHERE organization_id = ? ORDER BY identifier DESC LIMIT ?",
						JdbcMetricAlertStore::incident, organizationId, limit);
			}
			return Queries.list(connection,
					SELECT_INCIDENT
							+ "WHERE organization_id = ? AND alert_rule_id = ? ORDER BY identifier DESC LIMIT ?",
					JdbcMetricAlertStore::incident, organizationId, ruleId, limit);
		});
	}

	@Override
	public Optional<Incident> findIncident(long organizationId, long identifier) {
		return this.database.read((connection) -> Queries.first(connection,
				SELECT_INCIDENT + "WHERE organization_id = ? AND identifier = ?", JdbcMetricAlertStore::incident,
				organizationId, identifier));
	}

	@Override
	public List<IncidentActivity> activities(long incidentId) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT id, incident_id, type, value, previous_value, date_created FROM incident_activity "
						+ "WHERE incident_id = ? ORDER BY id",
				(row) -> new IncidentActivity(row.getLong("id"), row.getLong("incident_id"), row.getInt("type"),
						row.getString("value"), row.getString("previous_value"), Columns.instant(row, "date_created")),
				incidentId));
	}

	private static void activity(Connection connection, long incidentId, int type, @Nullable String value,
			@Nullable String previous, Instant at) throws SQLException {
		Queries.update(connection,
				"INSERT INTO incident_activity (incident_id, type, value, previous_value, date_created) "
						+ "VALUES (?, ?, ?, ?, ?)",
				incidentId, type, value, previous, at);
	}

	private static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: Double.toString(value);
	}

	private static void setProjects(Connection connection, long ruleId, long organizationId, List<Long> projectIds)
			throws SQLException {
		for (long projectId : new LinkedHashSet<>(projectIds)) {
			Queries.update(connection,
					"INSERT INTO metric_alert_projects (rule_id, project_id) SELECT ?, id FROM projects "
							+ "WHERE id = ? AND organization_id = ?",
					ruleId, projectId, organizationId);
		}
	}

	private static List<MetricAlertRule> rules(Connection connection, List<Long> ids) throws SQLException {
		List<MetricAlertRule> rules = new ArrayList<>(ids.size());
		for (long id : ids) {
			rule(connection, id).ifPresent(rules::add);
		}
		return rules;
	}

	private static Optional<MetricAlertRule> rule(Connection connection, long id) throws SQLException {
		List<Long> projects = Queries.list(connection,
				"SELECT project_id FROM metric_alert_projects WHERE rule_id = ? ORDER BY project_id",
				(row) -> row.getLong(1), id);
		return Queries.first(connection, SELECT_RULE + "WHERE id = ?", (row) -> {
			double resolve = row.getDouble("resolve_threshold");
			Double resolveThreshold = row.wasNull() ? null : resolve;
			MetricAlertRuleSpec spec = new MetricAlertRuleSpec(row.getString("name"), row.getString("dataset"),
					row.getString("aggregate"), row.getString("query"), row.getInt("time_window"),
					row.getInt("threshold_type"), resolveThreshold, row.getString("environment"), projects,
					row.getString("triggers"), row.getString("owner"), row.getInt("status"));
			return new MetricAlertRule(row.getLong("id"), row.getLong("organization_id"), spec,
					JdbcNotificationOutbox.nullableLong(row, "created_by"), Columns.instant(row, "date_created"),
					Columns.instant(row, "date_modified"));
		}, id);
	}

	private static Incident incident(ResultSet row) throws SQLException {
		return new Incident(row.getLong("id"), row.getLong("organization_id"), row.getLong("alert_rule_id"),
				row.getLong("identifier"), row.getInt("status"), row.getString("title"),
				Columns.instant(row, "date_started"), Columns.instant(row, "date_detected"),
				Columns.nullableInstant(row, "date_closed"));
	}

}
