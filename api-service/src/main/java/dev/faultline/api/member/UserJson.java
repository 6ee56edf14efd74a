package dev.faultline.api.member;

import dev.faultline.storage.metadata.User;

/**
 * A user as Sentry renders it inside other objects (activity, status details, members):
 * {@code username} is the email, as Faultline has no separate user names.
 */
public record UserJson(String id, String name, String email, String username) {

	public static UserJson of(User user) {
		return new UserJson(Long.toString(user.id()), user.name(), user.email(), user.email());
	}

}
