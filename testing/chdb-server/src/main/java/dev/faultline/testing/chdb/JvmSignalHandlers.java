package dev.faultline.testing.chdb;

import java.util.function.Supplier;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Keeps the JVM's signal handlers in place across calls into libchdb.
 *
 * <p>
 * The JVM handles SIGSEGV, SIGBUS, SIGFPE and SIGILL itself (implicit null checks become
 * NullPointerExceptions through SIGSEGV). Measured with libchdb 26.5.3:
 * {@code chdb_connect} installs ClickHouse's own handlers for signals 4, 5, 6, 7, 8, 11,
 * 20 and 31, and {@code chdb_set_signal_handlers_enabled(0)} itself replaces those of 4,
 * 7, 8 and 11, so the first implicit NullPointerException afterwards crashes the JVM with
 * a segmentation fault. Each such call therefore runs between a snapshot of every
 * signal's disposition and its restoration.
 */
final class JvmSignalHandlers {

	/**
	 * Linux x86_64: signals 1 to 31 are the classic ones a library installs handlers for.
	 */
	private static final int LAST_SIGNAL = 31;

	private static final int SIGKILL = 9;

	private static final int SIGSTOP = 19;

	/** Larger than glibc's {@code struct sigaction} (152 bytes on x86_64). */
	private static final int SIGACTION_SIZE = 256;

	private static final LibC LIBC = Native.load("c", LibC.class);

	private JvmSignalHandlers() {
	}

	static synchronized <T> T preserve(Supplier<T> nativeCall) {
		Memory[] saved = new Memory[LAST_SIGNAL + 1];
		for (int signal = 1; signal <= LAST_SIGNAL; signal++) {
			Memory action = new Memory(SIGACTION_SIZE);
			action.clear();
			if (LIBC.sigaction(signal, null, action) == 0) {
				saved[signal] = action;
			}
		}
		try {
			return nativeCall.get();
		}
		finally {
			for (int signal = 1; signal <= LAST_SIGNAL; signal++) {
				if (saved[signal] != null && signal != SIGKILL && signal != SIGSTOP) {
					LIBC.sigaction(signal, saved[signal], null);
				}
			}
		}
	}

	interface LibC extends Library {

		int sigaction(int signal, Pointer action, Pointer previous);

	}

}
