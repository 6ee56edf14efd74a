package dev.faultline.storage.release;

import java.util.Objects;

/**
 * A file a commit changed.
 *
 * @param type {@code A} (added), {@code M} (modified) or {@code D} (deleted)
 */
public record FileChange(String path, String type) {

	public FileChange {
		Objects.requireNonNull(path, "path");
		if (!type.equals("A") && !type.equals("M") && !type.equals("D")) {
			throw new IllegalArgumentException("file change type must be A, M or D: " + type);
		}
	}

}
