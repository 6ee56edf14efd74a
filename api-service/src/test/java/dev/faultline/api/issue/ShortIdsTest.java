package dev.faultline.api.issue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortIdsTest {

	@Test
	void upperCasesTheSlugAndWritesTheNumberInBase36() {
		assertThat(ShortIds.format("checkout", 1)).isEqualTo("CHECKOUT-1");
		assertThat(ShortIds.format("checkout", 35)).isEqualTo("CHECKOUT-Z");
		assertThat(ShortIds.format("checkout", 36)).isEqualTo("CHECKOUT-10");
		assertThat(ShortIds.format("web-app", 47)).isEqualTo("WEB-APP-1B");
		assertThat(ShortIds.format("api", 1_000_000)).isEqualTo("API-LFLS");
	}

}
