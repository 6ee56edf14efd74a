package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories for servers started once per test class (JUnit's {@code @TempDir}
 * is not yet injected when a per-class {@code @BeforeAll} runs). They are left for the OS
 * to clean, so a failed run's logs and data stay inspectable.
 */
final class Temporary {

	private Temporary() {
	}

	static Path directory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
