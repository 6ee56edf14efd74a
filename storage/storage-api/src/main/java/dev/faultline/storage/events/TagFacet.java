package dev.faultline.storage.events;

import java.util.List;
import java.util.Objects;

/**
 * One tag key of an issue's events with its most frequent values.
 *
 * @param totalEvents events that carry the key (the base of value percentages)
 * @param uniqueValues distinct values of the key
 * @param topValues the most frequent values, most events first, then by value
 */
public record TagFacet(String key, long totalEvents, long uniqueValues, List<TagValueCount> topValues) {

	public TagFacet {
		Objects.requireNonNull(key, "key");
		topValues = List.copyOf(topValues);
	}

}
