package dev.faultline.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeadLetterSealTest {

	@TempDir
	Path dataDir;

	@Test
	void sealedPayloadsHideTheirContentAndOpenWithTheSameKey() {
		DeadLetterSeal seal = new DeadLetterSeal(new byte[32]);
		byte[] payload = "{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);

		byte[] sealed = seal.seal(payload);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
		assertThat(seal.seal(payload)).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(seal.open(sealed)).isEqualTo(payload);
		assertThat(seal.open(payload)).as("parked before sealing").isEqualTo(payload);
	}

	@Test
	void anotherKeyOrAnAlteredPayloadDoesNotOpen() {
		byte[] sealed = new DeadLetterSeal(new byte[32]).seal(new byte[] { 1, 2, 3 });
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;

		assertThatIllegalStateException().isThrownBy(() -> new DeadLetterSeal(otherKey).open(sealed));
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> new DeadLetterSeal(new byte[32]).open(sealed));
	}

	@Test
	void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsMadeOnceAndReused() throws Exception {
		FaultlineProperties properties = properties(null);

		byte[] sealed = DeadLetterSeal.from(properties).seal(new byte[] { 42 });

		Path keyFile = this.dataDir.resolve("dead-letters.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(DeadLetterSeal.from(properties).open(sealed)).containsExactly(42);
	}

	@Test
	void aConfiguredKeyMustBe32BytesOfBase64() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		assertThat(DeadLetterSeal.from(properties(key)).open(new DeadLetterSeal(new byte[32]).seal(new byte[] { 7 })))
			.containsExactly(7);
		assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterSeal.from(properties("c2hvcnQ=")))
			.withMessageContaining("faultline.dead-letters.key");
		assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterSeal.from(properties("not base64!")))
			.withMessageContaining("faultline.dead-letters.key");
	}

	private FaultlineProperties properties(String key) {
		// Only the data directory, the dead-letter settings and the (absent) backup to
		// restore from matter here.
		return new FaultlineProperties(this.dataDir, "http://localhost", null, null, null, null, null,
				new FaultlineProperties.DeadLetters(key, Duration.ofDays(30)), null, null,
				new FaultlineProperties.Backup("", ""));
	}

}
