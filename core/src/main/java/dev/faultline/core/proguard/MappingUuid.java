package dev.faultline.core.proguard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The UUID of a mapping file as sentry-cli computes it ({@code sentry-cli proguard uuid},
 * the name under which {@code upload-proguard} uploads it, and what the Android Gradle
 * plugin writes into {@code io.sentry.ProguardUuids}): a name-based UUID (version 5,
 * SHA-1) of the file's bytes in the namespace that is itself the version-5 UUID of
 * {@code guardsquare.com} in the DNS namespace.
 */
public final class MappingUuid {

	private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

	private static final UUID NAMESPACE = v5(NAMESPACE_DNS, "guardsquare.com".getBytes(StandardCharsets.UTF_8));

	private MappingUuid() {
	}

	/**
	 * The mapping's UUID, lower-case with dashes.
	 */
	public static String of(byte[] mapping) {
		return v5(NAMESPACE, mapping).toString();
	}

	static UUID v5(UUID namespace, byte[] name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-1", ex);
		}
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		byte[] hash = sha1.digest(name);
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(bytes.getLong(), bytes.getLong());
	}

}
