package dev.faultline.storage.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Issue alert rules of projects and their firing state. Every method is one transaction;
 * thread-safe, and safe to use from several processes on one database.
 */
public interface IssueAlertRuleStore {

	IssueAlertRule create(long projectId, IssueAlertRuleSpec spec, @Nullable Long createdBy);

	/**
	 * Replaces what a client sets; snooze and history stay. Empty when the rule is not
	 * one of the project's.
	 */
	Optional<IssueAlertRule> update(long projectId, long ruleId, IssueAlertRuleSpec spec);

	/**
	 * Deletes the rule with its firing state and history; false when it is not one of the
	 * project's.
	 */
	boolean delete(long projectId, long ruleId);

	Optional<IssueAlertRule> find(long projectId, long ruleId);

	/**
	 * The project's rules, oldest first.
	 */
	List<IssueAlertRule> list(long projectId);

	/**
	 * Mutes the rule until {@code until} (null: until unmuted); empty when it is not one
	 * of the project's.
	 */
	Optional<IssueAlertRule> snooze(long projectId, long ruleId, @Nullable Instant until);

	Optional<IssueAlertRule> unsnooze(long projectId, long ruleId);

	/**
	 * Claims a firing of the rule for the issue: true, recording the firing (history and
	 * the rule's last triggered time), when the rule has not fired for that issue within
	 * {@code interval} before {@code at}; false otherwise. Atomic across processes: of
	 * concurrent claims within one interval exactly one succeeds. A claim for an event
	 * that already made a firing of the rule for the issue succeeds again without
	 * recording anything (a replay of that event), so work done after a claim can be
	 * redone.
	 */
	boolean claimFire(long ruleId, long issueId, String eventId, Instant at, Duration interval);

	/**
	 * The rule's firings, newest first, at most {@code limit}.
	 */
	List<RuleFire> fires(long ruleId, int limit);

}
