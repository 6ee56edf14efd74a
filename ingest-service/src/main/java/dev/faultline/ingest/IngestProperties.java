package dev.faultline.ingest;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingest endpoints ({@code faultline.ingest.*}). Defaults follow Relay's
 * limits. Invalid values fail start-up naming the property.
 *
 * @param trustForwardedFor take the client IP from the first {@code X-Forwarded-For}
 * entry; only safe behind a proxy that sets it
 * ({@code FAULTLINE_INGEST_TRUST_FORWARDED_FOR})
 * @param maxCompressedSize largest request body as received, before decompression
 * ({@code FAULTLINE_INGEST_MAX_COMPRESSED_SIZE})
 * @param maxEnvelopeSize largest envelope after decompression
 * ({@code FAULTLINE_INGEST_MAX_ENVELOPE_SIZE})
 * @param maxEventSize largest event, transaction, feedback or span item payload
 * ({@code FAULTLINE_INGEST_MAX_EVENT_SIZE})
 * @param maxStoreSize largest legacy {@code /store/} body after decompression
 * ({@code FAULTLINE_INGEST_MAX_STORE_SIZE})
 * @param keyCacheTtl how long a looked-up project key is trusted before it is read again;
 * bounds how long a revoked key keeps working, and how long a changed rate limit takes to
 * apply ({@code FAULTLINE_INGEST_KEY_CACHE_TTL})
 * @param maxAttachmentSize largest attachment item payload
 * ({@code FAULTLINE_INGEST_MAX_ATTACHMENT_SIZE})
 */
@ConfigurationProperties("faultline.ingest")
public record IngestProperties(@DefaultValue("false") boolean trustForwardedFor,
		@DefaultValue("20MB") DataSize maxCompressedSize, @DefaultValue("100MB") DataSize maxEnvelopeSize,
		@DefaultValue("1MB") DataSize maxEventSize, @DefaultValue("1MB") DataSize maxStoreSize,
		@DefaultValue("30s") Duration keyCacheTtl, @DefaultValue("100MB") DataSize maxAttachmentSize) {

	public IngestProperties {
		requirePositive("faultline.ingest.max-compressed-size", maxCompressedSize);
		requirePositive("faultline.ingest.max-envelope-size", maxEnvelopeSize);
		requirePositive("faultline.ingest.max-event-size", maxEventSize);
		requirePositive("faultline.ingest.max-store-size", maxStoreSize);
		requirePositive("faultline.ingest.max-attachment-size", maxAttachmentSize);
		Objects.requireNonNull(keyCacheTtl, "faultline.ingest.key-cache-ttl");
		if (keyCacheTtl.isNegative()) {
			throw new IllegalArgumentException("faultline.ingest.key-cache-ttl must not be negative");
		}
		if (maxEnvelopeSize.toBytes() > Integer.MAX_VALUE - 8 || maxStoreSize.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("faultline.ingest.max-envelope-size and max-store-size must be < 2GB");
		}
	}

	/**
	 * The defaults, for tests and for code that runs without a Spring environment.
	 */
	public static IngestProperties defaults() {
		return new IngestProperties(false, DataSize.ofMegabytes(20), DataSize.ofMegabytes(100), DataSize.ofMegabytes(1),
				DataSize.ofMegabytes(1), Duration.ofSeconds(30), DataSize.ofMegabytes(100));
	}

	private static void requirePositive(String property, DataSize size) {
		Objects.requireNonNull(size, property);
		if (size.toBytes() <= 0) {
			throw new IllegalArgumentException(property + " must be positive but was " + size);
		}
	}

}
