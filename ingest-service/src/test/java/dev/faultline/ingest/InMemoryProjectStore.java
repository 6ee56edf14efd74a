package dev.faultline.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

/**
 * A port double of {@link ProjectStore} for ingest tests until the embedded SQLite
 * adapter is available; it counts key lookups so tests can see the cache at work.
 */
public class InMemoryProjectStore implements ProjectStore {

	private final Map<Long, Project> projects = new ConcurrentHashMap<>();

	private final Map<String, ProjectKey> keys = new ConcurrentHashMap<>();

	private final AtomicInteger keyLookups = new AtomicInteger();

	private final Map<String, KeyRateLimit> rateLimits = new ConcurrentHashMap<>();

	/**
	 * Adds a project with the given id and one key.
	 */
	public InMemoryProjectStore withProject(long id, String publicKey, boolean active) {
		this.projects.putIfAbsent(id, new Project(id, 1, 1, "p" + id, "Project " + id, "", Instant.EPOCH));
		putKey(id, publicKey, active);
		return this;
	}

	/**
	 * Adds or replaces a key, e.g. to disable it.
	 */
	public void putKey(long projectId, String publicKey, boolean active) {
		this.keys.put(publicKey,
				new ProjectKey(this.keys.size() + 1, projectId, publicKey, "secret", "Default", active, Instant.EPOCH));
	}

	/**
	 * Adds a key to an existing project, for chaining.
	 */
	public InMemoryProjectStore putKeyAnd(long projectId, String publicKey, boolean active) {
		putKey(projectId, publicKey, active);
		return this;
	}

	public void removeProject(long id) {
		this.projects.remove(id);
	}

	public int keyLookups() {
		return this.keyLookups.get();
	}

	@Override
	public Project create(long organizationId, long teamId, String slug, String name, String platform) {
		throw new UnsupportedOperationException("not needed by ingest");
	}

	@Override
	public Optional<Project> findById(long id) {
		return Optional.ofNullable(this.projects.get(id));
	}

	@Override
	public Optional<Project> findBySlug(long organizationId, String slug) {
		return this.projects.values().stream().filter((p) -> p.slug().equals(slug)).findFirst();
	}

	@Override
	public List<Project> listByOrganization(long organizationId) {
		return this.projects.values().stream().sorted(Comparator.comparing(Project::slug)).toList();
	}

	@Override
	public ProjectKey createKey(long projectId, String label, String publicKey, String secretKey) {
		putKey(projectId, publicKey, true);
		return this.keys.get(publicKey);
	}

	@Override
	public List<ProjectKey> listKeys(long projectId) {
		return new ArrayList<>(this.keys.values().stream().filter((k) -> k.projectId() == projectId).toList());
	}

	@Override
	public Optional<ProjectKey> findKeyByPublicKey(String publicKey) {
		this.keyLookups.incrementAndGet();
		return Optional.ofNullable(this.keys.get(publicKey));
	}

	@Override
	public Optional<ProjectKey> updateKey(long projectId, String publicKey, @Nullable String label,
			@Nullable Boolean active) {
		ProjectKey key = this.keys.computeIfPresent(publicKey,
				(k, old) -> (old.projectId() != projectId) ? old
						: new ProjectKey(old.id(), projectId, publicKey, old.secretKey(),
								(label != null) ? label : old.label(), (active != null) ? active : old.active(),
								old.dateCreated()));
		return Optional.ofNullable(key).filter((k) -> k.projectId() == projectId);
	}

	@Override
	public boolean deleteKey(long projectId, String publicKey) {
		ProjectKey key = this.keys.get(publicKey);
		return key != null && key.projectId() == projectId && this.keys.remove(publicKey, key);
	}

	@Override
	public Optional<KeyRateLimit> findKeyRateLimit(String publicKey) {
		return Optional.ofNullable(this.rateLimits.get(publicKey));
	}

	@Override
	public boolean setKeyRateLimit(long projectId, String publicKey, @Nullable KeyRateLimit limit) {
		ProjectKey key = this.keys.get(publicKey);
		if (key == null || key.projectId() != projectId) {
			return false;
		}
		if (limit == null) {
			this.rateLimits.remove(publicKey);
		}
		else {
			this.rateLimits.put(publicKey, limit);
		}
		return true;
	}

}
