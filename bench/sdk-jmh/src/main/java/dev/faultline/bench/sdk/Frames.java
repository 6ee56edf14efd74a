package dev.faultline.bench.sdk;

import java.io.IOException;

/**
 * Builds an exception whose stack is 10 frames deep below the caller, with an
 * {@link IOException} cause, like a failure in application code.
 */
final class Frames {

	private Frames() {
	}

	static Exception tenDeep() {
		try {
			level(1);
			throw new AssertionError("unreachable");
		}
		catch (IllegalStateException ex) {
			return ex;
		}
	}

	private static void level(int depth) {
		if (depth < 9) {
			level(depth + 1);
			return;
		}
		try {
			throw new IOException("Connection reset by peer");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Checkout failed for order ord-1234", ex);
		}
	}

}
