package dev.faultline.storage.monitor;

import java.util.Objects;

/**
 * What a check-in (recorded, missed or timed out) did.
 *
 * @param checkIn the check-in as stored
 * @param environment the environment's state after it
 * @param transition what it did to the environment's incident
 */
public record CheckInResult(CheckIn checkIn, MonitorEnvironment environment, Transition transition) {

	public CheckInResult {
		Objects.requireNonNull(checkIn, "checkIn");
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(transition, "transition");
	}

	/** What a check-in did to its environment's incident. */
	public enum Transition {

		/** Nothing: a success without incident, a failure below the threshold. */
		NONE,
		/** This failure reached the threshold: an issue is to be opened. */
		INCIDENT_OPENED,
		/** A failure while the incident was open: another occurrence of its issue. */
		INCIDENT_CONTINUED,
		/** This success reached the recovery threshold: the issue is to be resolved. */
		INCIDENT_RESOLVED,
		/**
		 * The check-in changed nothing: a closing check-in for one already closed or
		 * timed out, or a repeat of one stored already.
		 */
		IGNORED;

		/** Whether the check-in is an occurrence of the environment's issue. */
		public boolean isIssueOccurrence() {
			return this == INCIDENT_OPENED || this == INCIDENT_CONTINUED;
		}

	}

}
