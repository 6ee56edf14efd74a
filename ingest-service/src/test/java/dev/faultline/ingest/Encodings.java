package dev.faultline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;

/**
 * Content encodings as SDKs and proxies produce them, for tests. Brotli has no encoder on
 * the classpath ({@code org.brotli:dec} only decodes), so {@link #brotliStored} writes a
 * valid brotli stream of uncompressed meta-blocks (RFC 7932 §9.2); real compressed brotli
 * comes from fixtures made with Node's {@code zlib.brotliCompressSync}.
 */
public enum Encodings {

	IDENTITY(null, UnaryOperator.identity()), GZIP("gzip", Encodings::gzip),
	DEFLATE("deflate", (data) -> deflate(data, false)), DEFLATE_RAW("deflate", (data) -> deflate(data, true)),
	BR("br", Encodings::brotliStored), ZSTD("zstd", Zstd::compress);

	private final String header;

	private final UnaryOperator<byte[]> encoder;

	Encodings(String header, UnaryOperator<byte[]> encoder) {
		this.header = header;
		this.encoder = encoder;
	}

	/**
	 * The {@code Content-Encoding} value, or null for none.
	 */
	public String header() {
		return this.header;
	}

	public byte[] encode(byte[] data) {
		return this.encoder.apply(data);
	}

	public static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] deflate(byte[] data, boolean raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
		try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
			stream.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	/**
	 * A brotli stream (window 2^16) of uncompressed meta-blocks of at most 32 KiB.
	 */
	public static byte[] brotliStored(byte[] data) {
		BitWriter bits = new BitWriter();
		bits.write(0, 1); // WBITS = 16
		for (int offset = 0; offset < data.length; offset += 32 * 1024) {
			int length = Math.min(32 * 1024, data.length - offset);
			bits.write(0, 1); // ISLAST = 0
			bits.write(0, 2); // MNIBBLES = 4
			bits.write(length - 1, 16); // MLEN - 1
			bits.write(1, 1); // ISUNCOMPRESSED
			bits.alignToByte();
			bits.out.write(data, offset, length);
		}
		bits.write(1, 1); // ISLAST
		bits.write(1, 1); // ISLASTEMPTY
		bits.alignToByte();
		return bits.out.toByteArray();
	}

	private static final class BitWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private int current;

		private int used;

		void write(int value, int count) {
			for (int i = 0; i < count; i++) {
				this.current |= ((value >>> i) & 1) << this.used;
				this.used++;
				if (this.used == 8) {
					alignToByte();
				}
			}
		}

		void alignToByte() {
			if (this.used > 0) {
				this.out.write(this.current);
				this.current = 0;
				this.used = 0;
			}
		}

	}

}
