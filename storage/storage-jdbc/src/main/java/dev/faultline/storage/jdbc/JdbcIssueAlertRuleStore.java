package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.alert.IssueAlertRule;
import dev.faultline.storage.alert.IssueAlertRuleSpec;
import dev.faultline.storage.alert.IssueAlertRuleStore;
import dev.faultline.storage.alert.RuleFire;
import org.jspecify.annotations.Nullable;

/**
 * {@link IssueAlertRuleStore} over {@code alert_rules}, {@code alert_rule_issues} and
 * {@code alert_rule_fires} (V12). The per-issue interval is claimed with one conditional
 * upsert: the row is written only when absent or older than the interval, and
 * {@code RETURNING} says whether it was; PostgreSQL rechecks the condition on the row a
 * concurrent claim committed, SQLite serializes writers, so one claim wins either way.
 */
final class JdbcIssueAlertRuleStore implements IssueAlertRuleStore {

	private static final String SELECT = "SELECT id, organization_id, project_id, name, environment, action_match, "
			+ "filter_match, frequency_minutes, conditions, filters, actions, owner, status, snoozed, snooze_until, "
			+ "created_by, date_created, date_modified, last_triggered FROM alert_rules ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcIssueAlertRuleStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public IssueAlertRule create(long projectId, IssueAlertRuleSpec spec, @Nullable Long createdBy) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			long id = Queries.insert(connection,
					"INSERT INTO alert_rules (organization_id, project_id, name, environment, action_match, "
							+ "filter_match, frequency_minutes, conditions, filters, actions, owner, status, snoozed, "
							+ "created_by, date_created, date_modified) VALUES ((SELECT organization_id FROM projects "
							+ "WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id",
					"no project " + projectId, projectId, projectId, spec.name(), spec.environment(),
					spec.actionMatch(), spec.filterMatch(), spec.frequencyMinutes(), spec.conditions(), spec.filters(),
					spec.actions(), spec.owner(), spec.status(), createdBy, now, now);
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcIssueAlertRuleStore::rule, id).orElseThrow();
		});
	}

	@Override
	public Optional<IssueAlertRule> update(long projectId, long ruleId, IssueAlertRuleSpec spec) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			int updated = Queries.update(connection,
					"UPDATE alert_rules SET name = ?, environment = ?, action_match = ?, filter_match = ?, "
							+ "frequency_minutes = ?, conditions = ?, filters = ?, actions = ?, owner = ?, status = ?, "
							+ "date_modified = ? WHERE id = ? AND project_id = ?",
					spec.name(), spec.environment(), spec.actionMatch(), spec.filterMatch(), spec.frequencyMinutes(),
					spec.conditions(), spec.filters(), spec.actions(), spec.owner(), spec.status(), now, ruleId,
					projectId);
			if (updated == 0) {
				return Optional.empty();
			}
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcIssueAlertRuleStore::rule, ruleId);
		});
	}

	@Override
	public boolean delete(long projectId, long ruleId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM alert_rules WHERE id = ? AND project_id = ?", ruleId, projectId) > 0);
	}

	@Override
	public Optional<IssueAlertRule> find(long projectId, long ruleId) {
		return this.database.read((connection) -> Queries.first(connection, SELECT + "WHERE id = ? AND project_id = ?",
				JdbcIssueAlertRuleStore::rule, ruleId, projectId));
	}

	@Override
	public List<IssueAlertRule> list(long projectId) {
		return this.database.read((connection) -> Queries.list(connection, SELECT + "WHERE project_id = ? ORDER BY id",
				JdbcIssueAlertRuleStore::rule, projectId));
	}

	@Override
	public Optional<IssueAlertRule> snooze(long projectId, long ruleId, @Nullable Instant until) {
		return setSnooze(projectId, ruleId, 1, until);
	}

	@Override
	public Optional<IssueAlertRule> unsnooze(long projectId, long ruleId) {
		return setSnooze(projectId, ruleId, 0, null);
	}

	private Optional<IssueAlertRule> setSnooze(long projectId, long ruleId, int snoozed, @Nullable Instant until) {
		return this.database.write((connection) -> {
			if (Queries.update(connection,
					"UPDATE alert_rules SET snoozed = ?, snooze_until = ? WHERE id = ? AND project_id = ?", snoozed,
					until, ruleId, projectId) == 0) {
				return Optional.empty();
			}
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcIssueAlertRuleStore::rule, ruleId);
		});
	}

	@Override
	public boolean claimFire(long ruleId, long issueId, String eventId, Instant at, Duration interval) {
		Instant fired = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		Instant before = fired.minus(interval);
		return this.database.write((connection) -> {
			boolean claimed = Queries
				.first(connection,
						"INSERT INTO alert_rule_issues (rule_id, issue_id, last_fired) SELECT ?, ?, ? "
								+ "WHERE EXISTS (SELECT 1 FROM alert_rules WHERE id = ?) "
								+ "AND EXISTS (SELECT 1 FROM issues WHERE id = ?) "
								+ "ON CONFLICT (rule_id, issue_id) DO UPDATE SET last_fired = excluded.last_fired "
								+ "WHERE alert_rule_issues.last_fired <= ? RETURNING rule_id",
						(row) -> row.getLong(1), ruleId, issueId, fired, ruleId, issueId, before)
				.isPresent();
			if (!claimed) {
				// the same event again (a replayed batch): its firing stands, so that the
				// caller enqueues its notifications again, which their keys deduplicate
				return Queries
					.first(connection,
							"SELECT id FROM alert_rule_fires WHERE rule_id = ? AND issue_id = ? AND event_id = ?",
							(row) -> row.getLong(1), ruleId, issueId, eventId)
					.isPresent();
			}
			Queries.update(connection,
					"INSERT INTO alert_rule_fires (rule_id, issue_id, event_id, date_fired) VALUES (?, ?, ?, ?)",
					ruleId, issueId, eventId, fired);
			Queries.update(connection, "UPDATE alert_rules SET last_triggered = ? WHERE id = ?", fired, ruleId);
			return true;
		});
	}

	@Override
	public List<RuleFire> fires(long ruleId, int limit) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT id, rule_id, issue_id, event_id, date_fired FROM alert_rule_fires WHERE rule_id = ? "
						+ "ORDER BY date_fired DESC, id DESC LIMIT ?",
				(row) -> new RuleFire(row.getLong("id"), row.getLong("rule_id"), row.getLong("issue_id"),
						row.getString("event_id"), Columns.instant(row, "date_fired")),
				ruleId, limit));
	}

	private static IssueAlertRule rule(ResultSet row) throws SQLException {
		IssueAlertRuleSpec spec = new IssueAlertRuleSpec(row.getString("name"), row.getString("environment"),
				row.getString("action_match"), row.getString("filter_match"), row.getInt("frequency_minutes"),
				row.getString("conditions"), row.getString("filters"), row.getString("actions"), row.getString("owner"),
				row.getString("status"));
		long createdBy = row.getLong("created_by");
		Long creator = row.wasNull() ? null : createdBy;
		return new IssueAlertRule(row.getLong("id"), row.getLong("organization_id"), row.getLong("project_id"), spec,
				row.getInt("snoozed") != 0, Columns.nullableInstant(row, "snooze_until"), creator,
				Columns.instant(row, "date_created"), Columns.instant(row, "date_modified"),
				Columns.nullableInstant(row, "last_triggered"));
	}

}
