package dev.faultline.storage.events;

import java.time.Instant;
import java.util.Objects;

/**
 * How often one value of a tag occurs among some events.
 */
public record TagValueCount(String value, long count, Instant firstSeen, Instant lastSeen) {

	public TagValueCount {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(firstSeen, "firstSeen");
		Objects.requireNonNull(lastSeen, "lastSeen");
	}

}
