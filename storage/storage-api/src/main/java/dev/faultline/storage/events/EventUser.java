package dev.faultline.storage.events;

import org.jspecify.annotations.Nullable;

/**
 * The user an event affected, as far as the SDK knew it.
 */
public record EventUser(@Nullable String id, @Nullable String username, @Nullable String email,
		@Nullable String ipAddress) {

}
