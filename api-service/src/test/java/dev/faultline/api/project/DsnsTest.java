package dev.faultline.api.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DsnsTest {

	@Test
	void putsTheKeyBeforeTheHostAndTheProjectIdLast() {
		Dsns dsns = new Dsns("http://localhost:8080");
		assertThat(dsns.publicDsn("abc", 42)).isEqualTo("http://abc@localhost:8080/42");
		assertThat(dsns.secretDsn("abc", "def", 42)).isEqualTo("http://abc:def@localhost:8080/42");
	}

	@Test
	void keepsAPathPrefixAndDropsTrailingSlashes() {
		assertThat(new Dsns("http://h/sentry").publicDsn("k", 42)).isEqualTo("http://k@h/sentry/42");
		assertThat(new Dsns("https://errors.example.com/sentry/").publicDsn("k", 7))
			.isEqualTo("https://k@errors.example.com/sentry/7");
		assertThat(new Dsns("https://errors.example.com/").publicDsn("k", 7))
			.isEqualTo("https://k@errors.example.com/7");
	}

	@Test
	void buildsTheOtherEndpointsBelowTheSameBase() {
		Dsns.DsnJson json = new Dsns("http://h:9000/sentry").json("pub", "sec", 3);
		assertThat(json.publicDsn()).isEqualTo("http://pub@h:9000/sentry/3");
		assertThat(json.secret()).isEqualTo("http://pub:sec@h:9000/sentry/3");
		assertThat(json.csp()).isEqualTo("http://h:9000/sentry/api/3/csp-report/?sentry_key=pub");
		assertThat(json.security()).isEqualTo("http://h:9000/sentry/api/3/security/?sentry_key=pub");
		assertThat(json.minidump()).isEqualTo("http://h:9000/sentry/api/3/minidump/?sentry_key=pub");
		assertThat(json.unreal()).isEqualTo("http://h:9000/sentry/api/3/unreal/pub/");
		assertThat(json.cdn()).isEqualTo("http://h:9000/sentry/js-sdk-loader/pub.min.js");
	}

	@Test
	void refusesARelativeUrlNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Dsns("localhost:8080/x"))
			.withMessageContaining("faultline.public-url");
		assertThatIllegalArgumentException().isThrownBy(() -> new Dsns("/sentry"))
			.withMessageContaining("faultline.public-url");
	}

}
