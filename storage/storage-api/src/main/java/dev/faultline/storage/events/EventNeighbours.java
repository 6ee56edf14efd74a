package dev.faultline.storage.events;

import org.jspecify.annotations.Nullable;

/**
 * The events around one event of an issue, for previous/next navigation.
 *
 * @param previousEventId the closest older event of the issue, or null at the oldest
 * @param nextEventId the closest newer event of the issue, or null at the newest
 */
public record EventNeighbours(@Nullable String previousEventId, @Nullable String nextEventId) {

}
