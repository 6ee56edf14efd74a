package dev.faultline.storage.metadata;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How an issue is resolved or ignored: Sentry's {@code statusDetails}. All fields are
 * null (false) for a plain resolution, an unresolved issue and an issue ignored forever.
 *
 * @param inRelease resolved in this release: a later release's event is a regression;
 * also set for {@code inNextRelease}, to the release current when it was resolved (null
 * when the issue had no release then)
 * @param inNextRelease resolved in the next release: an event of a release first seen
 * after the resolution is a regression
 * @param ignoreUntil ignored until this time
 * @param ignoreCount ignored until this many more events (within {@code ignoreWindow}
 * minutes when that is set)
 * @param ignoreUserCount ignored until this many more users (within
 * {@code ignoreUserWindow} minutes when that is set)
 * @param actorUserId who made the change, when a user did
 */
public record StatusDetails(@Nullable String inRelease, boolean inNextRelease, @Nullable Instant ignoreUntil,
		@Nullable Long ignoreCount, @Nullable Integer ignoreWindow, @Nullable Long ignoreUserCount,
		@Nullable Integer ignoreUserWindow, @Nullable Long actorUserId) {

	/** No details. */
	public static final StatusDetails NONE = new StatusDetails(null, false, null, null, null, null, null, null);

}
