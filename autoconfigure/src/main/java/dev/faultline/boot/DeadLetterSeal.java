package dev.faultline.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts dead-letter payloads at rest (AES-256-GCM, a random 96-bit nonce per payload):
 * a parked envelope holds what the SDK sent, cookies and tokens included, and would
 * otherwise sit in the metadata database, and in its backups, in the clear. A sealed
 * payload is {@code FLDL1}, the nonce, then the ciphertext with its tag. Payloads parked
 * before sealing existed are passed through by {@link #open}. Thread-safe.
 */
public final class DeadLetterSeal {

	private static final byte[] MAGIC = "FLDL1".getBytes(StandardCharsets.US_ASCII);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	DeadLetterSeal(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException(
					"faultline.dead-letters.key must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/**
	 * The key from {@code faultline.dead-letters.key} (base64) when set; otherwise the
	 * key file in the data directory, created owner-only with a random key on first use.
	 * The distributed shape must set the property, so that the processor that seals and
	 * the API that opens share one key.
	 */
	static DeadLetterSeal from(FaultlineProperties properties) {
		String configured = properties.deadLetters().key();
		if (configured != null) {
			try {
				return new DeadLetterSeal(Base64.getDecoder().decode(configured.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"faultline.dead-letters.key must be 32 bytes, base64-encoded: " + ex.getMessage(), ex);
			}
		}
		Path file = DataDirectory.prepare(properties).resolve("dead-letters.key");
		return new DeadLetterSeal(keyFile(file));
	}

	private static byte[] keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				try {
					Files.write(DataDirectory.ownerOnlyFile(file), Base64.getEncoder().encode(fresh));
				}
				catch (FileAlreadyExistsException ex) {
					// Another service of this data directory made it first.
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create " + file, ex);
		}
	}

	/**
	 * Encrypts a payload.
	 */
	public byte[] seal(byte[] payload) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(payload);
			byte[] out = new byte[MAGIC.length + NONCE_BYTES + sealed.length];
			System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
			System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, MAGIC.length + NONCE_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypts a sealed payload; a payload parked unsealed is returned as it is.
	 * @throws IllegalStateException when it was sealed with another key or altered
	 */
	public byte[] open(byte[] stored) {
		if (!isSealed(stored)) {
			return stored;
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(TAG_BITS, stored, MAGIC.length, NONCE_BYTES));
			return cipher.doFinal(stored, MAGIC.length + NONCE_BYTES, stored.length - MAGIC.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("dead letter sealed with another faultline.dead-letters.key, or altered",
					ex);
		}
	}

	static boolean isSealed(byte[] stored) {
		return stored.length >= MAGIC.length + NONCE_BYTES
				&& Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

}
