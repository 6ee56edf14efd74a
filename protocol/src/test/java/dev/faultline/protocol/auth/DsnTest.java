package dev.faultline.protocol.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsnTest {

	@Test
	void parsesDsnWithoutSecretOrPath() {
		Dsn dsn = Dsn.parse("http://publickey@127.0.0.1:9400/42");

		assertThat(dsn).isEqualTo(new Dsn("http", "publickey", null, "127.0.0.1", 9400, "", 42));
		assertThat(dsn.envelopeUrl()).isEqualTo("http://127.0.0.1:9400/api/42/envelope/");
		assertThat(dsn).hasToString("http://publickey@127.0.0.1:9400/42");
	}

	@Test
	void keepsSecretAndPathPrefix() {
		Dsn dsn = Dsn.parse("https://abc:def@errors.example.com/sentry/deep/7");

		assertThat(dsn.secretKey()).isEqualTo("def");
		assertThat(dsn.port()).isEqualTo(-1);
		assertThat(dsn.path()).isEqualTo("/sentry/deep");
		assertThat(dsn.envelopeUrl()).isEqualTo("https://errors.example.com/sentry/deep/api/7/envelope/");
		assertThat(dsn).hasToString("https://abc:def@errors.example.com/sentry/deep/7");
		assertThat(Dsn.parse(dsn.toString())).isEqualTo(dsn);
	}

	@Test
	void toleratesTrailingSlash() {
		assertThat(Dsn.parse("http://k@h/9/").projectId()).isEqualTo(9);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a dsn", "http://k@h", "http://k@h/", "http://k@h/abc", "mailto:k@h",
			"http://k@h/-3", "//k@h/1", "http://k@[::1/1" })
	void rejectsInvalidDsn(String value) {
		assertThatThrownBy(() -> Dsn.parse(value)).isInstanceOfSatisfying(AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.INVALID_DSN));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://h/1", "http://:secret@h/1" })
	void rejectsDsnWithoutPublicKey(String value) {
		assertThatThrownBy(() -> Dsn.parse(value)).isInstanceOfSatisfying(AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.MISSING_PUBLIC_KEY));
	}

}
