package dev.faultline.storage.debugfile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored debug information file, without its bytes.
 *
 * @param checksum the sha1 (hex, lower-case) of the file's bytes, unique per project
 * @param debugId what events name the file by (a ProGuard mapping's UUID), lower-case
 * @param symbolType the kind of file ({@link #PROGUARD})
 * @param objectName the name shown for it ({@code proguard-mapping})
 * @param features what it can be used for ({@code mapping})
 * @param size its length in bytes
 */
public record DebugFile(long id, long projectId, String checksum, String debugId, String symbolType, String objectName,
		List<String> features, long size, Instant dateCreated) {

	/** A ProGuard or R8 mapping file. */
	public static final String PROGUARD = "proguard";

	public DebugFile {
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(debugId, "debugId");
		Objects.requireNonNull(symbolType, "symbolType");
		Objects.requireNonNull(objectName, "objectName");
		Objects.requireNonNull(dateCreated, "dateCreated");
		features = List.copyOf(features);
	}

}
