package dev.faultline.testing.chdb;

import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Native;
import org.jspecify.annotations.Nullable;

/**
 * Finds and loads libchdb once per JVM.
 *
 * <p>
 * Location: the system property {@value #LIBRARY_PROPERTY} (a path to
 * {@code libchdb.so}), else
 * {@code ${faultline.tools.dir}/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so} (the
 * build passes {@code faultline.tools.dir}), else {@code tools/…} under the working
 * directory.
 */
final class ChdbLibrary {

	static final String LIBRARY_PROPERTY = "faultline.libchdb";

	static final String TOOLS_PROPERTY = "faultline.tools.dir";

	private static final String NPM_PATH = "node_modules/@chdb/lib-linux-x64-gnu/libchdb.so";

	private static @Nullable LibChdb loaded;

	private ChdbLibrary() {
	}

	static synchronized LibChdb get() {
		LibChdb library = loaded;
		if (library == null) {
			Path file = locate();
			// Asks libchdb not to install process-wide signal handlers (the JVM uses
			// SIGSEGV
			// internally); loading and that call still replace some, hence
			// JvmSignalHandlers.
			library = JvmSignalHandlers.preserve(() -> {
				LibChdb chdb = Native.load(file.toString(), LibChdb.class);
				chdb.chdb_set_signal_handlers_enabled(0);
				return chdb;
			});
			loaded = library;
		}
		return library;
	}

	static Path locate() {
		String explicit = System.getProperty(LIBRARY_PROPERTY);
		if (explicit != null && !explicit.isBlank()) {
			return require(Path.of(explicit), "system property " + LIBRARY_PROPERTY);
		}
		String tools = System.getProperty(TOOLS_PROPERTY);
		Path toolsDir = (tools != null && !tools.isBlank()) ? Path.of(tools) : Path.of("tools");
		return require(toolsDir.resolve(NPM_PATH), "the tools directory");
	}

	private static Path require(Path file, String source) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("libchdb not found at " + file.toAbsolutePath() + " (from " + source
					+ "). Install it from the repository root with `npm --prefix tools install` "
					+ "(npm package @chdb/lib-linux-x64-gnu), or point -D" + LIBRARY_PROPERTY + " at libchdb.so.");
		}
		return file;
	}

}
