package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Metric alert rules of organizations, their evaluation claims and their incidents. One
 * transaction per method; thread-safe and safe across processes.
 */
public interface MetricAlertStore {

	MetricAlertRule create(long organizationId, MetricAlertRuleSpec spec, @Nullable Long createdBy);

	Optional<MetricAlertRule> update(long organizationId, long ruleId, MetricAlertRuleSpec spec);

	boolean delete(long organizationId, long ruleId);

	Optional<MetricAlertRule> find(long organizationId, long ruleId);

	/**
	 * The organization's rules, oldest first.
	 */
	List<MetricAlertRule> list(long organizationId);

	/**
	 * Every enabled rule of every organization: what the schedule evaluates.
	 */
	List<MetricAlertRule> listEnabled();

	/**
	 * Claims the evaluation of a rule at a tick (the schedule's sequence number of an
	 * evaluation time): true for exactly one claimer of each {@code (rule, tick)} across
	 * every process on the database.
	 */
	boolean claimEvaluation(long ruleId, long tick, String evaluator, Instant at);

	/**
	 * Records the value an evaluation computed (null when the query had no value).
	 */
	void recordEvaluation(long ruleId, long tick, @Nullable Double value);

	/**
	 * The rule's open incident, if any.
	 */
	Optional<Incident> activeIncident(long ruleId);

	/**
	 * Opens an incident of the rule with the next identifier of its organization, status
	 * {@code status} ({@link Incident#WARNING} or {@link Incident#CRITICAL}), recording
	 * {@link IncidentActivity#DETECTED} (the value) and a status change from
	 * {@link Incident#OPEN}.
	 */
	Incident openIncident(long ruleId, String title, int status, double value, Instant at);

	/**
	 * Changes an open incident's status, recording the change; {@link Incident#CLOSED}
	 * closes it at {@code at}. Empty when the incident is closed or missing.
	 */
	Optional<Incident> changeIncidentStatus(long incidentId, int status, Instant at);

	/**
	 * The organization's incidents, newest first, at most {@code limit}; of one rule when
	 * {@code ruleId} is given.
	 */
	List<Incident> listIncidents(long organizationId, @Nullable Long ruleId, int limit);

	Optional<Incident> findIncident(long organizationId, long identifier);

	/**
	 * The incident's timeline, oldest first.
	 */
	List<IncidentActivity> activities(long incidentId);

}
