package dev.faultline.core.normalize;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseValidationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "app@1.2.3", "1.0", "my.app@2026.11.25+build.7", "a", "..." })
	void validReleases(String release) {
		assertThat(ReleaseValidation.releaseError(release)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "latest", "LATEST", "app/1.0", "1.0\n", "1.\t0", "1.0\r2" })
	void invalidReleases(String release) {
		assertThat(ReleaseValidation.releaseError(release)).isNotNull();
	}

	@Test
	void releaseLengthLimit() {
		assertThat(ReleaseValidation.releaseError("r".repeat(200))).isNull();
		assertThat(ReleaseValidation.releaseError("r".repeat(201))).contains("200");
	}

	@ParameterizedTest
	@ValueSource(strings = { "production", "staging-eu", "", "none-of-them", "dev 2" })
	void validEnvironments(String environment) {
		assertThat(ReleaseValidation.environmentError(environment)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "prod/eu", "prod\n", "pr\tod" })
	void invalidEnvironments(String environment) {
		assertThat(ReleaseValidation.environmentError(environment)).isNotNull();
	}

	@Test
	void environmentLengthLimit() {
		assertThat(ReleaseValidation.environmentError("e".repeat(64))).isNull();
		assertThat(ReleaseValidation.environmentError("e".repeat(65))).contains("64");
	}

	@Test
	void normalizerDropsInvalidNamesWithAMetaErrorAndKeepsTheEvent() {
		ObjectNode raw = JSON.createObjectNode();
		raw.put("message", "boom");
		raw.put("release", "latest");
		raw.put("environment", "prod/eu");

		ObjectNode event = normalize(raw);

		assertThat(event.has("release")).isFalse();
		assertThat(event.has("environment")).isFalse();
		assertThat(event.get("title").asString()).isEqualTo("boom");
		assertThat(event.at("/_meta/release/").toString())
			.isEqualTo("{\"err\":[[\"invalid_data\",{\"reason\":\"reserved release name\"}]]}");
		assertThat(event.at("/_meta/environment//err/0/1/reason").asString())
			.isEqualTo("invalid character in environment");
	}

	@Test
	void normalizerKeepsValidNamesTrimmedWithoutMeta() {
		ObjectNode raw = JSON.createObjectNode();
		raw.put("message", "boom");
		raw.put("release", " app@1.0 ");
		raw.put("environment", "production");

		ObjectNode event = normalize(raw);

		assertThat(event.get("release").asString()).isEqualTo("app@1.0");
		assertThat(event.get("environment").asString()).isEqualTo("production");
		assertThat(event.has("_meta")).isFalse();
	}

	@Test
	void aBlankReleaseIsDroppedAsAbsent() {
		ObjectNode raw = JSON.createObjectNode();
		raw.put("message", "boom");
		raw.put("release", "   ");

		ObjectNode event = normalize(raw);

		assertThat(event.has("release")).isFalse();
		// A blank string reads as no value at all, like a missing field.
		assertThat(event.has("_meta")).isFalse();
	}

	private static ObjectNode normalize(ObjectNode raw) {
		return new EventNormalizer().normalize(raw,
				new NormalizationContext(Instant.parse("2026-11-25T00:30:00Z"), null, null, null));
	}

}
