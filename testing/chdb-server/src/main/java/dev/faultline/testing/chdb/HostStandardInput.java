package dev.faultline.testing.chdb;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Detaches the process's standard input (file descriptor 0) from whatever the JVM was
 * started with, pointing it at {@code /dev/null}.
 *
 * <p>
 * Why: libchdb's embedded client reads the host process's standard input as external data
 * of an {@code INSERT} (chdb-core issue 239). When fd 0 carries anything — a test
 * runner's command pipe, a shell's here-document — an insert with inline data fails with
 * "Processing async inserts with both inlined and external data" or, worse, stores rows
 * nobody wrote. With {@code /dev/null} the library always sees an empty stream. The build
 * therefore runs test JVMs with surefire's TCP channel, not their standard input.
 */
final class HostStandardInput {

	private static final int STDIN = 0;

	private static final int O_RDONLY = 0;

	private static final LibC LIBC = Native.load("c", LibC.class);

	private static boolean detached;

	private HostStandardInput() {
	}

	/**
	 * Points fd 0 at {@code /dev/null}; idempotent.
	 * @throws IllegalStateException when the descriptor cannot be replaced
	 */
	static synchronized void detach() {
		if (detached) {
			return;
		}
		int devNull = LIBC.open("/dev/null", O_RDONLY);
		if (devNull < 0) {
			throw new IllegalStateException("cannot open /dev/null to detach standard input from libchdb");
		}
		try {
			if (devNull != STDIN && LIBC.dup2(devNull, STDIN) < 0) {
				throw new IllegalStateException("cannot detach standard input from libchdb (dup2 failed)");
			}
		}
		finally {
			if (devNull != STDIN) {
				LIBC.close(devNull);
			}
		}
		detached = true;
	}

	interface LibC extends Library {

		int open(String path, int flags);

		int dup2(int from, int to);

		int close(int descriptor);

	}

}
