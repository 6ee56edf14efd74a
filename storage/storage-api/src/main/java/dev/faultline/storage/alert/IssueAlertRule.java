package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored issue alert rule of a project.
 *
 * @param snoozed whether the rule is muted; muted with a null {@code snoozeUntil} means
 * until unmuted
 * @param snoozeUntil when the snooze ends, or null
 * @param createdBy the user who created it, or null
 * @param lastTriggered when it last fired, or null
 */
public record IssueAlertRule(long id, long organizationId, long projectId, IssueAlertRuleSpec spec, boolean snoozed,
		@Nullable Instant snoozeUntil, @Nullable Long createdBy, Instant dateCreated, Instant dateModified,
		@Nullable Instant lastTriggered) {

	public IssueAlertRule {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(dateCreated, "dateCreated");
		Objects.requireNonNull(dateModified, "dateModified");
	}

	/**
	 * Whether the rule is snoozed at {@code now}.
	 */
	public boolean snoozedAt(Instant now) {
		return this.snoozed && (this.snoozeUntil == null || now.isBefore(this.snoozeUntil));
	}

}
