package dev.faultline.ingest.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPathsTest {

	@ParameterizedTest
	@ValueSource(strings = { "/api/42/envelope/", "/api/42/envelope", "/api/42/store/", "/api/42/security/",
			"/api/42/csp-report/", "/sentry/api/42/envelope/", "/a/b/api/42/envelope/" })
	void ingestEndpoints(String path) {
		assertThat(IngestPaths.matches(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "api/42/envelope/", "/api/42/envelopes/", "/api//envelope/", "/api/42/envelope//",
			"/a/b/c/api/42/envelope/", "//api/42/envelope/", "/api/0/projects/", "/x/42/envelope/" })
	void otherPaths(String path) {
		assertThat(IngestPaths.matches(path)).isFalse();
	}

}
