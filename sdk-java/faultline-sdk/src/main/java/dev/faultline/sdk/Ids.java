package dev.faultline.sdk;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random lower-case hex identifiers: 32 characters for events and traces, 16 for spans.
 * Not cryptographic: ids only need to be unique, and {@link ThreadLocalRandom} keeps the
 * caller's thread cheap and uncontended.
 */
final class Ids {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Ids() {
	}

	static String id32() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return hex(random.nextLong()) + hex(random.nextLong());
	}

	static String id16() {
		return hex(ThreadLocalRandom.current().nextLong());
	}

	private static String hex(long value) {
		char[] out = new char[16];
		for (int i = 15; i >= 0; i--) {
			out[i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
		return new String(out);
	}

}
