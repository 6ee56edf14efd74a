package dev.faultline.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdsTest {

	@Test
	void normalizesDashedAndUpperCaseIds() {
		assertThat(EventIds.normalize("e9acf878-ed9a-4e30-998f-ad1c6db54f05"))
			.isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
		assertThat(EventIds.normalize("E9ACF878ED9A4E30998FAD1C6DB54F05"))
			.isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
		assertThat(EventIds.normalize("e9acf878ed9a4e30998fad1c6db54f05"))
			.isEqualTo("e9acf878ed9a4e30998fad1c6db54f05");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "e9acf878ed9a4e30998fad1c6db54f0g", "e9acf878ed9a4e30998fad1c6db54f051",
			"e9acf878-ed9a-4e30-998f_ad1c6db54f05", "e9acf878ed9a-4e30-998f-ad1c6db54f05xx",
			"\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663" })
	void rejectsOtherStrings(String id) {
		assertThat(EventIds.isValid(id)).isFalse();
		assertThatThrownBy(() -> EventIds.normalize(id)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void generatesNormalizedIds() {
		String id = EventIds.generate();

		assertThat(id).hasSize(32).isEqualTo(EventIds.normalize(id));
	}

}
