package dev.faultline.ingest.auth;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Project keys by public key, read from the {@link ProjectStore} and kept for a short
 * time so that ingest does not query the metadata database per request. A key found is
 * kept for the configured TTL (so a revoked or disabled key stops working within it); a
 * key not found for at most {@link #MAX_NEGATIVE_TTL}, so a key created just now works
 * soon. Thread-safe.
 */
class ProjectKeyCache {

	static final Duration MAX_NEGATIVE_TTL = Duration.ofSeconds(5);

	private static final int MAX_KEYS = 10_000;

	private final ProjectStore projects;

	private final LoadingCache<String, Optional<KnownKey>> keys;

	ProjectKeyCache(ProjectStore projects, Duration ttl) {
		this.projects = projects;
		Duration negativeTtl = (ttl.compareTo(MAX_NEGATIVE_TTL) < 0) ? ttl : MAX_NEGATIVE_TTL;
		this.keys = Caffeine.newBuilder()
			.maximumSize(MAX_KEYS)
			.expireAfter(
					Expiry.<String, Optional<KnownKey>>creating((key, value) -> value.isPresent() ? ttl : negativeTtl))
			.build(this::load);
	}

	/**
	 * The key and its project's state, or empty when no such key or project exists.
	 * @throws IngestRejection 503 when the metadata store cannot be read
	 */
	Optional<KnownKey> find(String publicKey) {
		return this.keys.get(publicKey);
	}

	private Optional<KnownKey> load(String publicKey) {
		try {
			return this.projects.findKeyByPublicKey(publicKey)
				.filter((key) -> this.projects.findById(key.projectId()).isPresent())
				.map((key) -> new KnownKey(key.projectId(), key.active(),
						this.projects.findKeyRateLimit(publicKey).orElse(null)));
		}
		catch (RuntimeException ex) {
			throw new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, "metadata_unavailable",
					"project keys cannot be read: " + ex, ex);
		}
	}

	/**
	 * What ingest needs to know about a key.
	 */
	record KnownKey(long projectId, boolean active, @Nullable KeyRateLimit rateLimit) {

	}

}
