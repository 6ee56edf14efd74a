package dev.faultline.ingest.auth;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.auth.SentryAuth;
import dev.faultline.storage.metadata.ProjectStore;

import org.springframework.stereotype.Component;

/**
 * Decides whether credentials may send to a project: 401 for a key that does not exist or
 * belongs to another project, 403 for a disabled key (as Relay). Keys come from a cache
 * over the {@link ProjectStore}; see {@link ProjectKeyCache} for how stale they may be.
 * Thread-safe.
 */
@Component
public class IngestAuthenticator {

	/** Public keys are 32 hex characters; anything much longer is not looked up. */
	private static final int MAX_PUBLIC_KEY_LENGTH = 64;

	private final ProjectKeyCache keys;

	public IngestAuthenticator(ProjectStore projects, IngestProperties properties) {
		this.keys = new ProjectKeyCache(projects, properties.keyCacheTtl());
	}

	/**
	 * @param projectId the project named by the request URL
	 * @param auth the credentials presented
	 * @throws IngestRejection 401, 403, or 503 when keys cannot be read
	 */
	public AuthenticatedKey authenticate(long projectId, SentryAuth auth) {
		String publicKey = auth.publicKey();
		if (publicKey.length() > MAX_PUBLIC_KEY_LENGTH) {
			throw IngestRejection.unauthorized("unknown_key", "public key too long");
		}
		ProjectKeyCache.KnownKey key = this.keys.find(publicKey)
			.orElseThrow(() -> IngestRejection.unauthorized("unknown_key", "no such project key"));
		if (key.projectId() != projectId) {
			throw IngestRejection.unauthorized("project_key_mismatch",
					"key of project " + key.projectId() + " used for project " + projectId);
		}
		if (!key.active()) {
			throw IngestRejection.forbidden("key_disabled", "project key is disabled");
		}
		return new AuthenticatedKey(projectId, publicKey, key.rateLimit());
	}

}
