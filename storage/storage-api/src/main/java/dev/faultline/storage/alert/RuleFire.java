package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of an issue alert rule.
 */
public record RuleFire(long id, long ruleId, long issueId, String eventId, Instant dateFired) {

	public RuleFire {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(dateFired, "dateFired");
	}

}
