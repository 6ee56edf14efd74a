package dev.faultline.ingest.auth;

import java.util.Objects;

/**
 * An active project key that authenticated a request for its own project.
 *
 * @param projectId the project, equal to the one in the request URL
 * @param publicKey the key's public part
 */
public record AuthenticatedKey(long projectId, String publicKey) {

	public AuthenticatedKey {
		Objects.requireNonNull(publicKey, "publicKey");
	}

}
