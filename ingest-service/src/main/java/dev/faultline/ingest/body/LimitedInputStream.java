package dev.faultline.ingest.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until more than {@code limit} have been read, then fails with
 * {@link BodyTooLargeException}: the limit holds however the bytes were produced.
 */
class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private final boolean compressed;

	private long count;

	LimitedInputStream(InputStream in, long limit, boolean compressed) {
		super(in);
		this.limit = limit;
		this.compressed = compressed;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void count(long n) throws BodyTooLargeException {
		this.count += n;
		if (this.count > this.limit) {
			throw new BodyTooLargeException(this.compressed, this.limit);
		}
	}

}
