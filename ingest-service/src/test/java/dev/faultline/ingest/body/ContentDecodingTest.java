package dev.faultline.ingest.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import dev.faultline.ingest.Encodings;
import dev.faultline.ingest.http.IngestRejection;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentDecodingTest {

	private static final byte[] TEXT = "{}\n{\"type\":\"event\"}\n{\"message\":\"hello\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void passesIdentityAndAbsentEncodingThrough() {
		assertThat(decode(TEXT, null)).isEqualTo(TEXT);
		assertThat(decode(TEXT, "identity")).isEqualTo(TEXT);
	}

	@Test
	void decodesGzip() {
		assertThat(decode(gzip(TEXT), "gzip")).isEqualTo(TEXT);
		assertThat(decode(gzip(TEXT), "GZIP")).isEqualTo(TEXT);
	}

	@Test
	void decodesZlibAndRawDeflate() {
		assertThat(decode(deflate(TEXT, false), "deflate")).isEqualTo(TEXT);
		assertThat(decode(deflate(TEXT, true), "deflate")).isEqualTo(TEXT);
	}

	@Test
	void undoesSeveralCodingsInReverseOrder() {
		assertThat(decode(gzip(deflate(TEXT, false)), "deflate, gzip")).isEqualTo(TEXT);
	}

	@Test
	void stopsGzipBombAtTheDecompressedLimit() {
		byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
		CountingInputStream raw = new CountingInputStream(new ByteArrayInputStream(bomb));

		assertThatThrownBy(() -> ContentDecoding.decode(raw, "gzip", Long.MAX_VALUE, 1024 * 1024))
			.isInstanceOfSatisfying(IngestRejection.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(ex.reason()).isEqualTo("payload_too_large");
			});
		// One read buffer of the bomb already inflates past the limit; the rest is never
		// read.
		assertThat(raw.count).isLessThan(bomb.length / 2);
	}

	@Test
	void stopsDeflateBombAtTheDecompressedLimit() {
		byte[] bomb = deflate(new byte[16 * 1024 * 1024], false);

		assertThatThrownBy(
				() -> ContentDecoding.decode(new ByteArrayInputStream(bomb), "deflate", Long.MAX_VALUE, 1024 * 1024))
			.isInstanceOfSatisfying(IngestRejection.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("payload_too_large"));
	}

	@Test
	void stopsAtTheReceivedLimitWhateverTheEncoding() {
		byte[] large = new byte[100_000];
		Arrays.fill(large, (byte) 'a');

		assertThatThrownBy(() -> ContentDecoding.decode(new ByteArrayInputStream(large), null, 50_000, Long.MAX_VALUE))
			.isInstanceOfSatisfying(IngestRejection.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(ex.reason()).isEqualTo("request_too_large");
			});
	}

	@Test
	void rejectsBrokenCompressionAsBadRequest() {
		byte[] gzip = gzip(TEXT);
		byte[] truncated = Arrays.copyOf(gzip, gzip.length - 12);

		for (byte[] body : new byte[][] { TEXT, truncated }) {
			assertThatThrownBy(() -> decode(body, "gzip")).isInstanceOfSatisfying(IngestRejection.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.reason()).isEqualTo("invalid_compression");
			});
		}
		assertThatThrownBy(() -> decode(TEXT, "deflate")).isInstanceOfSatisfying(IngestRejection.class,
				(ex) -> assertThat(ex.reason()).isEqualTo("invalid_compression"));
	}

	@Test
	void decodesBrotli() throws IOException {
		assertThat(decode(Encodings.brotliStored(TEXT), "br")).isEqualTo(TEXT);
		byte[] compressed = resource("java-event-error.envelope.br");
		assertThat(new String(decode(compressed, "br"), StandardCharsets.UTF_8)).startsWith("{\"event_id\":");
	}

	@Test
	void decodesZstd() {
		assertThat(decode(Zstd.compress(TEXT), "zstd")).isEqualTo(TEXT);
		assertThat(decode(Zstd.compress(TEXT, 19), "ZSTD")).isEqualTo(TEXT);
	}

	@Test
	void stopsBrotliBombAtTheDecompressedLimit() throws IOException {
		// 140 bytes that expand to 64 MiB (made with Node's zlib.brotliCompressSync).
		byte[] bomb = resource("bomb-64mib.br");

		assertThatThrownBy(
				() -> ContentDecoding.decode(new ByteArrayInputStream(bomb), "br", Long.MAX_VALUE, 1024 * 1024))
			.isInstanceOfSatisfying(IngestRejection.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("payload_too_large"));
	}

	@Test
	void stopsZstdBombAtTheDecompressedLimit() {
		byte[] bomb = Zstd.compress(new byte[64 * 1024 * 1024], 3);

		assertThatThrownBy(
				() -> ContentDecoding.decode(new ByteArrayInputStream(bomb), "zstd", Long.MAX_VALUE, 1024 * 1024))
			.isInstanceOfSatisfying(IngestRejection.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("payload_too_large"));
	}

	@Test
	void rejectsCorruptBrotliAndZstdAsBadRequest() {
		byte[] zstd = Zstd.compress(TEXT);
		byte[] truncatedZstd = Arrays.copyOf(zstd, zstd.length - 4);
		byte[] brotli = Encodings.brotliStored(TEXT);
		byte[] truncatedBrotli = Arrays.copyOf(brotli, brotli.length - 10);
		byte[][][] cases = { { TEXT, "br".getBytes() }, { truncatedBrotli, "br".getBytes() },
				{ new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff }, "br".getBytes() }, { TEXT, "zstd".getBytes() },
				{ truncatedZstd, "zstd".getBytes() } };

		for (byte[][] input : cases) {
			assertThatThrownBy(() -> decode(input[0], new String(input[1])))
				.isInstanceOfSatisfying(IngestRejection.class, (ex) -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(ex.reason()).isEqualTo("invalid_compression");
				});
		}
	}

	@Test
	void refusesZstdFramesAskingForAHugeWindow() {
		// A frame whose header asks for a 2^30-byte window (exponent 20), with one raw
		// block "hello": valid, but the window would be allocated before any output.
		byte[] frame = { 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x00, (byte) (20 << 3), 0x29, 0x00, 0x00, 'h', 'e', 'l',
				'l', 'o' };

		assertThatThrownBy(() -> decode(frame, "zstd")).isInstanceOfSatisfying(IngestRejection.class,
				(ex) -> assertThat(ex.reason()).isEqualTo("invalid_compression"));
	}

	@Test
	void rejectsUnsupportedEncoding() {
		assertThatThrownBy(() -> decode(TEXT, "compress")).isInstanceOfSatisfying(IngestRejection.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ContentDecodingTest.class.getResourceAsStream("/compression/" + name)) {
			return in.readAllBytes();
		}
	}

	private static byte[] decode(byte[] body, String encoding) {
		return ContentDecoding.decode(new ByteArrayInputStream(body), encoding, Long.MAX_VALUE, Long.MAX_VALUE);
	}

	static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] deflate(byte[] data, boolean raw) {
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

	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			this.count += Math.max(n, 0);
			return n;
		}

	}

}
