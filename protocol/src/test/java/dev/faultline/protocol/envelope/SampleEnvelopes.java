package dev.faultline.protocol.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The envelopes real SDKs sent, recorded in {@code shared/reference/sentry-wire/samples}.
 * Surefire passes the folder as {@code faultline.samples.dir}.
 */
final class SampleEnvelopes {

	private SampleEnvelopes() {
	}

	static Path directory() {
		String dir = System.getProperty("faultline.samples.dir");
		if (dir == null) {
			dir = "../../shared/reference/sentry-wire/samples";
		}
		return Path.of(dir);
	}

	static List<Path> all() {
		try (Stream<Path> files = Files.list(directory())) {
			return files.filter((file) -> file.toString().endsWith(".envelope")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(String name) {
		try {
			return Files.readAllBytes(directory().resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
