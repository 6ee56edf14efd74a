package dev.faultline.storage.release;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A code repository of an organization, unique there by name ({@code acme/shop}).
 *
 * @param provider who hosts it, as the client named it ({@code integrations:github}), or
 * {@link #UNKNOWN_PROVIDER} when it was created by a commit list
 */
public record Repository(long id, long organizationId, String name, @Nullable String url, String provider,
		Instant dateCreated) {

	/** The provider of repositories that commit lists created. */
	public static final String UNKNOWN_PROVIDER = "unknown";

	public Repository {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
