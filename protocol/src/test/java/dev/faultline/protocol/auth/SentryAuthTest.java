package dev.faultline.protocol.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentryAuthTest {

	@Test
	void parsesJavaHeaderWithoutSpaces() {
		SentryAuth auth = SentryAuth
			.fromHeader("Sentry sentry_version=7,sentry_client=sentry.java/8.62.0,sentry_key=publickey");

		assertThat(auth).isEqualTo(new SentryAuth("publickey", null, "sentry.java/8.62.0"));
	}

	@Test
	void parsesJavaHeaderWithSecret() {
		SentryAuth auth = SentryAuth
			.fromHeader("Sentry sentry_version=7,sentry_client=sentry.java/8.62.0,sentry_key=pk,sentry_secret=sk");

		assertThat(auth.secretKey()).isEqualTo("sk");
	}

	@Test
	void parsesSentryCliHeaderWithSpacesAndTimestamp() {
		SentryAuth auth = SentryAuth.fromHeader(
				"Sentry sentry_key=publickey, sentry_version=7, sentry_timestamp=1795564903.39, sentry_client=sentry-cli/x86_64");

		assertThat(auth).isEqualTo(new SentryAuth("publickey", null, "sentry-cli/x86_64"));
	}

	@Test
	void acceptsKeysWithoutPrefixAndAnyCaseScheme() {
		assertThat(SentryAuth.fromHeader("sentry key=abc, version=7").publicKey()).isEqualTo("abc");
		assertThat(SentryAuth.fromHeader("sentry_key=abc").publicKey()).isEqualTo("abc");
	}

	@Test
	void parsesNodeQueryString() {
		SentryAuth auth = SentryAuth
			.fromQueryString("sentry_version=7&sentry_key=publickey&sentry_client=sentry.javascript.node%2F11.12.0");

		assertThat(auth).isEqualTo(new SentryAuth("publickey", null, "sentry.javascript.node/11.12.0"));
		assertThat(SentryAuth.hasKeyInQuery("sentry_version=7&sentry_key=publickey")).isTrue();
		assertThat(SentryAuth.hasKeyInQuery("sentry_version=7")).isFalse();
		assertThat(SentryAuth.hasKeyInQuery(null)).isFalse();
	}

	@Test
	void toleratesMalformedPercentEscapes() {
		assertThat(SentryAuth.fromQueryString("sentry_key=abc&x=%zz&flag").publicKey()).isEqualTo("abc");
	}

	@Test
	void readsCredentialsFromDsn() {
		SentryAuth auth = SentryAuth.fromDsn(Dsn.parse("http://pk:sk@h/1"));

		assertThat(auth).isEqualTo(new SentryAuth("pk", "sk", null));
	}

	@Test
	void rejectsMissingKey() {
		assertThatThrownBy(() -> SentryAuth.fromHeader("Sentry sentry_version=7")).isInstanceOfSatisfying(
				AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.MISSING_PUBLIC_KEY));
		assertThatThrownBy(() -> SentryAuth.fromHeader("Sentry sentry_key=")).isInstanceOfSatisfying(
				AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.MISSING_PUBLIC_KEY));
		assertThatThrownBy(() -> SentryAuth.fromQueryString("")).isInstanceOfSatisfying(AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.MISSING_PUBLIC_KEY));
	}

	@Test
	void rejectsHeaderThatIsNotKeyValuePairs() {
		assertThatThrownBy(() -> SentryAuth.fromHeader("Bearer abcdef")).isInstanceOfSatisfying(
				AuthParseException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(AuthParseException.Reason.INVALID_AUTH_HEADER));
	}

}
