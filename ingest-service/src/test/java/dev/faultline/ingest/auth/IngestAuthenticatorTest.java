package dev.faultline.ingest.auth;

import java.time.Duration;

import dev.faultline.ingest.InMemoryProjectStore;
import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.auth.SentryAuth;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestAuthenticatorTest {

	private final InMemoryProjectStore projects = new InMemoryProjectStore().withProject(42, "publickey", true)
		.withProject(7, "otherkey", true)
		.withProject(43, "disabledkey", false);

	@Test
	void acceptsActiveKeyOfTheProject() {
		AuthenticatedKey key = authenticator(Duration.ofMinutes(1)).authenticate(42, auth("publickey"));

		assertThat(key).isEqualTo(new AuthenticatedKey(42, "publickey"));
	}

	@Test
	void rejectsUnknownKeyAndKeyOfAnotherProjectWith401() {
		IngestAuthenticator authenticator = authenticator(Duration.ofMinutes(1));

		assertRejected(() -> authenticator.authenticate(42, auth("nosuchkey")), HttpStatus.UNAUTHORIZED, "unknown_key");
		assertRejected(() -> authenticator.authenticate(42, auth("otherkey")), HttpStatus.UNAUTHORIZED,
				"project_key_mismatch");
		assertRejected(() -> authenticator.authenticate(42, auth("k".repeat(500))), HttpStatus.UNAUTHORIZED,
				"unknown_key");
	}

	@Test
	void rejectsDisabledKeyWith403() {
		assertRejected(() -> authenticator(Duration.ofMinutes(1)).authenticate(43, auth("disabledkey")),
				HttpStatus.FORBIDDEN, "key_disabled");
	}

	@Test
	void rejectsKeyOfDeletedProject() {
		this.projects.removeProject(7);

		assertRejected(() -> authenticator(Duration.ofMinutes(1)).authenticate(7, auth("otherkey")),
				HttpStatus.UNAUTHORIZED, "unknown_key");
	}

	@Test
	void cachesLookupsWithinTheTtl() {
		IngestAuthenticator authenticator = authenticator(Duration.ofMinutes(1));

		for (int i = 0; i < 10; i++) {
			authenticator.authenticate(42, auth("publickey"));
		}
		this.projects.putKey(42, "publickey", false);

		assertThat(this.projects.keyLookups()).isEqualTo(1);
		assertThat(authenticator.authenticate(42, auth("publickey")).projectId()).isEqualTo(42);
	}

	@Test
	void seesDisabledKeyOnceTheEntryExpired() {
		IngestAuthenticator authenticator = authenticator(Duration.ZERO);
		authenticator.authenticate(42, auth("publickey"));

		this.projects.putKey(42, "publickey", false);

		assertRejected(() -> authenticator.authenticate(42, auth("publickey")), HttpStatus.FORBIDDEN, "key_disabled");
	}

	@Test
	void answers503WhenKeysCannotBeRead() {
		IngestAuthenticator authenticator = new IngestAuthenticator(new InMemoryProjectStore() {
			@Override
			public java.util.Optional<dev.faultline.storage.metadata.ProjectKey> findKeyByPublicKey(String publicKey) {
				throw new IllegalStateException("database down");
			}
		}, properties(Duration.ofMinutes(1)));

		assertRejected(() -> authenticator.authenticate(42, auth("publickey")), HttpStatus.SERVICE_UNAVAILABLE,
				"metadata_unavailable");
	}

	private IngestAuthenticator authenticator(Duration ttl) {
		return new IngestAuthenticator(this.projects, properties(ttl));
	}

	private static IngestProperties properties(Duration ttl) {
		return new IngestProperties(false, DataSize.ofMegabytes(20), DataSize.ofMegabytes(100), DataSize.ofMegabytes(1),
				DataSize.ofMegabytes(1), ttl, DataSize.ofMegabytes(100));
	}

	private static SentryAuth auth(String key) {
		return new SentryAuth(key, null, null);
	}

	private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status,
			String reason) {
		assertThatThrownBy(call).isInstanceOfSatisfying(IngestRejection.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}

}
