package dev.faultline.storage.events;

import java.util.Objects;

/**
 * A tag key seen in a project's events, with the number of events that carry it.
 */
public record TagKeyCount(String key, long count, long uniqueValues) {

	public TagKeyCount {
		Objects.requireNonNull(key, "key");
	}

}
