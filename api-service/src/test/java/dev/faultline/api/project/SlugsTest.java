package dev.faultline.api.project;

import dev.faultline.api.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SlugsTest {

	@Test
	void derivesFromTheName() {
		assertThat(Slugs.fromName("My Web App")).isEqualTo("my-web-app");
		assertThat(Slugs.fromName("  Checkout -- API (v2)! ")).isEqualTo("checkout-api-v2");
		assertThat(Slugs.fromName("snake_case_ok")).isEqualTo("snake_case_ok");
		assertThat(Slugs.fromName("Café Zürich")).isEqualTo("caf-z-rich");
	}

	@Test
	void cutsLongNamesWithoutATrailingDash() {
		String name = "a".repeat(49) + " b" + "c".repeat(20);
		assertThat(Slugs.fromName(name)).isEqualTo("a".repeat(49));
		assertThat(Slugs.fromName("x".repeat(80))).hasSize(50);
	}

	@Test
	void prefersTheGivenSlug() {
		assertThat(Slugs.choose("web", "My Web App")).isEqualTo("web");
		assertThat(Slugs.choose(null, "My Web App")).isEqualTo("my-web-app");
		assertThat(Slugs.choose(" ", "My Web App")).isEqualTo("my-web-app");
	}

	@Test
	void refusesInvalidSlugs() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Slugs.choose("Not Valid", "x"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Slugs.choose("123", "x"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Slugs.choose(null, "!!!"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Slugs.choose(null, "2024"));
	}

}
