package dev.faultline.alerts;

import java.util.Objects;

import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.IssueStatus;

/**
 * A stored event handed to the issue alert evaluator, with what only the processor saw
 * while storing it.
 *
 * @param newIssue whether the event's issue was created for it (the first event of its
 * group in the batch that created the issue)
 * @param statusBefore the issue's status before the event was counted (resolved: the
 * event may regress it; ignored: it may wake it)
 */
public record AlertCandidate(StoredEvent event, boolean newIssue, IssueStatus statusBefore) {

	public AlertCandidate {
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(statusBefore, "statusBefore");
	}

}
