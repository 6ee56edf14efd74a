package dev.faultline.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals integration secrets (webhook URLs, tokens, routing keys) before they reach the
 * metadata store: AES-256-GCM with a random 96-bit nonce per value, written as
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}. The key is 32 bytes, given in
 * configuration (every service of the distributed shape shares it) or kept in a file of
 * the data directory (embedded). Thread-safe.
 */
public final class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the alert encryption key must be 32 bytes, was " + key.length);
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/**
	 * A box over a base64 key of 32 bytes.
	 * @throws IllegalArgumentException when the text is no such key
	 */
	public static SecretBox ofBase64(String key) {
		return new SecretBox(Base64.getDecoder().decode(key.strip()));
	}

	/**
	 * A box over the key in {@code file}, creating the file with a random key (readable
	 * by its owner only) when it does not exist.
	 */
	public static SecretBox ofKeyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				try {
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII,
							StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException ex) {
						// not a POSIX file system: the directory's permissions apply
					}
				}
				catch (FileAlreadyExistsException ex) {
					// another process of this data directory created it first
				}
			}
			return ofBase64(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the alert key file " + file, ex);
		}
	}

	/**
	 * Seals a text.
	 */
	public String seal(String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Opens a sealed text.
	 * @throws IllegalArgumentException when it was not sealed with this key or was
	 * changed
	 */
	public String open(String sealed) {
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a sealed value");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a sealed value", ex);
		}
		if (bytes.length <= NONCE_BYTES) {
			throw new IllegalArgumentException("not a sealed value");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalArgumentException("the value was sealed with another key or changed", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

}
