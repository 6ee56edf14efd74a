package dev.faultline.ingest.auth;

import java.util.Objects;

import dev.faultline.storage.metadata.KeyRateLimit;
import org.jspecify.annotations.Nullable;

/**
 * An active project key that authenticated a request for its own project.
 *
 * @param projectId the project, equal to the one in the request URL
 * @param publicKey the key's public part
 * @param rateLimit the key's rate limit as last read, or null when it is unlimited
 */
public record AuthenticatedKey(long projectId, String publicKey, @Nullable KeyRateLimit rateLimit) {

	public AuthenticatedKey {
		Objects.requireNonNull(publicKey, "publicKey");
	}

	/**
	 * A key without a rate limit.
	 */
	public AuthenticatedKey(long projectId, String publicKey) {
		this(projectId, publicKey, null);
	}

}
