package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.Notification;
import dev.faultline.storage.alert.NotificationOutbox;
import org.jspecify.annotations.Nullable;

/**
 * {@link NotificationOutbox} over {@code notifications} (V12). A claim is one
 * {@code UPDATE … RETURNING} whose own {@code WHERE} repeats the due-and-unclaimed test,
 * so that PostgreSQL, rechecking it on rows a concurrent claimer changed, skips them;
 * SQLite serializes writers.
 */
final class JdbcNotificationOutbox implements NotificationOutbox {

	private static final String COLUMNS = "id, organization_id, idempotency_key, channel, integration_id, rule_id, "
			+ "metric_rule_id, issue_id, destination, payload, state, attempts, next_attempt, last_error, "
			+ "date_created, date_sent";

	private static final String DUE = "state = 'pending' AND next_attempt <= ? AND (claimed_until IS NULL OR "
			+ "claimed_until <= ?)";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcNotificationOutbox(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public boolean enqueue(NewNotification notification, Instant at) {
		Instant now = Columns.now(this.clock);
		Instant due = at.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> Queries.first(connection,
				"INSERT INTO notifications (organization_id, idempotency_key, channel, integration_id, rule_id, "
						+ "metric_rule_id, issue_id, destination, payload, state, attempts, next_attempt, date_created) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
						+ "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
				(row) -> row.getLong(1), notification.organizationId(), notification.idempotencyKey(),
				notification.channel(), notification.integrationId(), notification.ruleId(),
				notification.metricRuleId(), notification.issueId(), notification.destination(), notification.payload(),
				due, now)
			.isPresent());
	}

	@Override
	public List<Notification> claim(Instant now, Duration lease, int limit) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		List<Notification> claimed = this.database.write((connection) -> Queries.list(connection,
				"UPDATE notifications SET claimed_until = ?, attempts = attempts + 1 WHERE id IN (SELECT id FROM "
						+ "notifications WHERE " + DUE + " ORDER BY next_attempt, id LIMIT ?) AND " + DUE
						+ " RETURNING " + COLUMNS,
				JdbcNotificationOutbox::notification, at.plus(lease), at, at, limit, at, at));
		List<Notification> ordered = new ArrayList<>(claimed);
		ordered.sort(Comparator.comparing(Notification::nextAttempt).thenComparing(Notification::id));
		return ordered;
	}

	@Override
	public void markSent(long id, Instant at) {
		this.database.write((connection) -> Queries.update(connection,
				"UPDATE notifications SET state = 'sent', date_sent = ?, claimed_until = NULL, last_error = NULL "
						+ "WHERE id = ?",
				at.truncatedTo(ChronoUnit.MILLIS), id));
	}

	@Override
	public void markAttemptFailed(long id, String error, @Nullable Instant retryAt) {
		if (retryAt == null) {
			this.database.write((connection) -> Queries.update(connection,
					"UPDATE notifications SET state = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?",
					error, id));
		}
		else {
			this.database.write((connection) -> Queries.update(connection,
					"UPDATE notifications SET next_attempt = ?, claimed_until = NULL, last_error = ? WHERE id = ?",
					retryAt.truncatedTo(ChronoUnit.MILLIS), error, id));
		}
	}

	@Override
	public List<Notification> listForOrganization(long organizationId, int limit) {
		return list("organization_id", organizationId, limit);
	}

	@Override
	public List<Notification> listForRule(long ruleId, int limit) {
		return list("rule_id", ruleId, limit);
	}

	@Override
	public List<Notification> listForIntegration(long integrationId, int limit) {
		return list("integration_id", integrationId, limit);
	}

	/** {@code column} is one of this class's constants, never a caller's text. */
	private List<Notification> list(String column, long value, int limit) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT " + COLUMNS + " FROM notifications WHERE " + column + " = ? ORDER BY id DESC LIMIT ?",
				JdbcNotificationOutbox::notification, value, limit));
	}

	private static Notification notification(ResultSet row) throws SQLException {
		NewNotification spec = new NewNotification(row.getLong("organization_id"), row.getString("idempotency_key"),
				row.getString("channel"), nullableLong(row, "integration_id"), nullableLong(row, "rule_id"),
				nullableLong(row, "metric_rule_id"), nullableLong(row, "issue_id"), row.getString("destination"),
				row.getString("payload"));
		return new Notification(row.getLong("id"), spec, row.getString("state"), row.getInt("attempts"),
				Columns.instant(row, "next_attempt"), row.getString("last_error"), Columns.instant(row, "date_created"),
				Columns.nullableInstant(row, "date_sent"));
	}

	static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
		long value = row.getLong(column);
		return row.wasNull() ? null : value;
	}

}
