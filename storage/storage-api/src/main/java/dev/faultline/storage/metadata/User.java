package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to Faultline.
 *
 * @param passwordHash an encoded password hash (never the password); its format belongs
 * to the service that checks it
 */
public record User(long id, String email, String name, String passwordHash, Instant dateCreated) {

	public User {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(passwordHash, "passwordHash");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
