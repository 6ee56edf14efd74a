package dev.faultline.api.project;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeysTest {

	@Test
	void generatesDistinct32LowerHexKeys() {
		ClientKeys keys = new ClientKeys(new SecureRandom());
		String first = keys.next();
		assertThat(first).matches("[0-9a-f]{32}");
		assertThat(keys.next()).matches("[0-9a-f]{32}").isNotEqualTo(first);
	}

}
