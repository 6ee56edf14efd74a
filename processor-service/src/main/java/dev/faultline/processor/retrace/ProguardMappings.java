package dev.faultline.processor.retrace;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faultline.core.proguard.ProguardMapping;
import dev.faultline.storage.debugfile.DebugFile;
import dev.faultline.storage.debugfile.DebugFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's ProGuard mappings by UUID, parsed once and kept in a bounded cache: parsed
 * mappings are weighed by the size of their file (a parsed mapping takes a few times its
 * file in memory) up to {@link #DEFAULT_MAX_BYTES} of files and dropped after an hour
 * unused; a mapping that is not there is remembered for {@link #MISSING_FOR}, so that one
 * uploaded after its first events is found soon after without every event of an unmapped
 * build asking the store. Thread-safe; a store failure propagates.
 */
public final class ProguardMappings {

	/** The file bytes of the parsed mappings kept. */
	public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

	/** How long a missing mapping is remembered as missing. */
	public static final Duration MISSING_FOR = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(ProguardMappings.class);

	private final DebugFileStore files;

	private final Cache<Key, Loaded> parsed;

	private final Cache<Key, Boolean> missing;

	public ProguardMappings(DebugFileStore files) {
		this(files, DEFAULT_MAX_BYTES);
	}

	ProguardMappings(DebugFileStore files, long maxBytes) {
		this.files = files;
		this.parsed = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, Loaded loaded) -> (int) Math.min(Integer.MAX_VALUE, loaded.size()))
			.expireAfterAccess(Duration.ofHours(1))
			.build();
		this.missing = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(MISSING_FOR).build();
	}

	/**
	 * The project's mapping of that UUID, empty when none was uploaded (or the one stored
	 * cannot be read).
	 */
	public Optional<ProguardMapping> find(long projectId, String uuid) {
		Key key = new Key(projectId, uuid.toLowerCase(Locale.ROOT));
		Loaded loaded = this.parsed.getIfPresent(key);
		if (loaded != null) {
			return Optional.of(loaded.mapping());
		}
		if (this.missing.getIfPresent(key) != null) {
			return Optional.empty();
		}
		Optional<Loaded> found = load(key);
		if (found.isPresent()) {
			this.parsed.put(key, found.get());
			return Optional.of(found.get().mapping());
		}
		this.missing.put(key, Boolean.TRUE);
		return Optional.empty();
	}

	private Optional<Loaded> load(Key key) {
		Optional<DebugFile> file = this.files.findByDebugId(key.projectId(), key.uuid(), DebugFile.PROGUARD);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		Optional<byte[]> data = this.files.data(file.get().id());
		if (data.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Loaded(ProguardMapping.parse(data.get()), data.get().length));
		}
		catch (ProguardMapping.InvalidMappingException ex) {
			logger.warn("ProGuard mapping {} of project {} cannot be read: {}", key.uuid(), key.projectId(),
					ex.getMessage());
			return Optional.empty();
		}
	}

	private record Key(long projectId, String uuid) {

	}

	private record Loaded(ProguardMapping mapping, long size) {

	}

}
