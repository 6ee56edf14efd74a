package dev.faultline.api.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensTest {

	@Test
	void hashIsLowerHexSha256() {
		// sha256("abc") from FIPS 180-2.
		assertThat(ApiTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
