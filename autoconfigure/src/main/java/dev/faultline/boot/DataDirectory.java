package dev.faultline.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded adapters' data directory.
 */
final class DataDirectory {

	private DataDirectory() {
	}

	/**
	 * Creates the directory when missing and returns it.
	 * @throws UncheckedIOException naming {@code faultline.data-dir} when it cannot be
	 * created
	 */
	static Path prepare(Path dataDir) {
		try {
			return Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("faultline.data-dir " + dataDir + " cannot be created", ex);
		}
	}

}
