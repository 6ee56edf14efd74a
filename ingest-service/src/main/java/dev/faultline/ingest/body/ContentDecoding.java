package dev.faultline.ingest.body;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.faultline.ingest.http.IngestRejection;
import org.brotli.dec.BrotliInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Decodes a request body by its {@code Content-Encoding} ({@code gzip}, {@code deflate}
 * as zlib or raw, {@code br}, {@code zstd}, {@code identity}; several codings are undone
 * in reverse order) into bytes, counting both the bytes read from the client and the
 * bytes decompressed so that a compression bomb stops at the limit instead of filling
 * memory. Every decoder is a stream: nothing is decompressed ahead of the limit check
 * beyond one buffer.
 */
public final class ContentDecoding {

	private static final int BUFFER_SIZE = 16 * 1024;

	/**
	 * Largest zstd window accepted (2^23 = 8 MiB, what {@code zstd -19} uses): the window
	 * is allocated up front, so a hostile frame header must not make each request reserve
	 * zstd's default 128 MiB.
	 */
	static final int ZSTD_MAX_WINDOW_LOG = 23;

	private ContentDecoding() {
	}

	/**
	 * Reads and decodes the whole body.
	 * @param raw the bytes as received
	 * @param contentEncoding the header value, or null for none
	 * @param maxReceived most bytes read from {@code raw}
	 * @param maxDecoded most bytes produced
	 * @throws IngestRejection 413 when a limit is exceeded, 400 when the coding is
	 * broken, 415 when it is not supported
	 */
	public static byte[] decode(InputStream raw, @Nullable String contentEncoding, long maxReceived, long maxDecoded) {
		try {
			InputStream in = new LimitedInputStream(raw, maxReceived, true);
			if (contentEncoding != null) {
				String[] codings = contentEncoding.split(",");
				for (int i = codings.length - 1; i >= 0; i--) {
					in = decoder(in, codings[i].trim().toLowerCase(Locale.ROOT));
				}
			}
			try (InputStream decoded = new LimitedInputStream(in, maxDecoded, false)) {
				return readAll(decoded);
			}
		}
		catch (BodyTooLargeException ex) {
			throw IngestRejection.tooLarge(ex.compressed() ? "request_too_large" : "payload_too_large",
					ex.getMessage());
		}
		catch (ZipException | EOFException ex) {
			throw IngestRejection.badRequest("invalid_compression", "body does not match its Content-Encoding");
		}
		catch (IOException ex) {
			throw IngestRejection.badRequest("body_read_failed", "request body could not be read: " + ex);
		}
	}

	private static InputStream decoder(InputStream in, String coding) throws IOException {
		return switch (coding) {
			case "", "identity" -> in;
			case "gzip", "x-gzip" -> new GZIPInputStream(in, BUFFER_SIZE);
			case "deflate" -> deflate(in);
			case "br" -> brotli(in);
			case "zstd" -> zstd(in);
			default -> throw new IngestRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_encoding",
					"unsupported Content-Encoding " + coding);
		};
	}

	/**
	 * HTTP's "deflate" is zlib-wrapped, but some clients send raw deflate; the zlib
	 * header (CMF/FLG, a multiple of 31) tells them apart.
	 */
	private static InputStream deflate(InputStream in) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
		buffered.mark(2);
		int cmf = buffered.read();
		int flg = buffered.read();
		buffered.reset();
		boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
		return new OwningInflaterInputStream(buffered, new Inflater(!zlib));
	}

	private static InputStream brotli(InputStream in) throws IOException {
		try {
			// The constructor already reads the stream header.
			return new CorruptionTranslatingInputStream(new BrotliInputStream(in, BUFFER_SIZE));
		}
		catch (BodyTooLargeException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw CorruptionTranslatingInputStream.corrupt(ex);
		}
	}

	private static InputStream zstd(InputStream in) throws IOException {
		ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(in);
		zstd.setLongMax(ZSTD_MAX_WINDOW_LOG);
		return new CorruptionTranslatingInputStream(zstd);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[BUFFER_SIZE];
		int n;
		while ((n = in.read(buffer)) >= 0) {
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	/**
	 * An inflater stream that releases its own (non-default) inflater on close instead of
	 * leaving it to the cleaner.
	 */
	private static final class OwningInflaterInputStream extends InflaterInputStream {

		OwningInflaterInputStream(InputStream in, Inflater inflater) {
			super(in, inflater, BUFFER_SIZE);
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.inf.end();
			}
		}

	}

	/**
	 * Reports a decoder's failure as a {@link ZipException} (a corrupt body, answered
	 * 400) whatever the library threw, so brotli's runtime exceptions and zstd's I/O
	 * errors are client errors rather than 500s. Limit breaches pass through unchanged.
	 */
	private static final class CorruptionTranslatingInputStream extends FilterInputStream {

		CorruptionTranslatingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (BodyTooLargeException ex) {
				throw ex;
			}
			catch (IOException | RuntimeException ex) {
				throw corrupt(ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (BodyTooLargeException ex) {
				throw ex;
			}
			catch (IOException | RuntimeException ex) {
				throw corrupt(ex);
			}
		}

		private static ZipException corrupt(Exception ex) {
			ZipException corrupt = new ZipException("corrupt compressed body: " + ex.getMessage());
			corrupt.initCause(ex);
			return corrupt;
		}

	}

}
