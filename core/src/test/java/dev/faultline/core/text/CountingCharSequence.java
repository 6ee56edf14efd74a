package dev.faultline.core.text;

/**
 * A string that counts how often an engine reads it: each {@code charAt} is one
 * operation, a {@code subSequence} or {@code toString} one per character copied. Both
 * java.util.regex and RE2/J read their input only through {@link CharSequence}, so the
 * count is the work a match did, deterministic and independent of the machine's load.
 */
final class CountingCharSequence implements CharSequence {

	private final String text;

	private long reads;

	CountingCharSequence(String text) {
		this.text = text;
	}

	long reads() {
		return this.reads;
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public char charAt(int index) {
		this.reads++;
		return this.text.charAt(index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		this.reads += end - start;
		return this.text.subSequence(start, end);
	}

	@Override
	public String toString() {
		this.reads += this.text.length();
		return this.text;
	}

}
