package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A client key (DSN key) of a project.
 *
 * @param publicKey 32 lower-case hex characters, unique across all projects
 * @param secretKey the legacy secret part of a DSN; SDKs send it but it is not a
 * credential
 * @param active a key that is not active is refused by ingest with 403
 */
public record ProjectKey(long id, long projectId, String publicKey, String secretKey, String label, boolean active,
		Instant dateCreated) {

	public ProjectKey {
		Objects.requireNonNull(publicKey, "publicKey");
		Objects.requireNonNull(secretKey, "secretKey");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
