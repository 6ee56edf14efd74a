package dev.faultline.api.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions on the real SQLite adapter with a fixed clock.
 */
class SessionsTest {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	@TempDir
	Path directory;

	private MetadataStores stores;

	private User user;

	@BeforeEach
	void open() {
		this.stores = SqliteMetadataStores.open(this.directory.resolve("metadata.db"));
		this.user = this.stores.users().create("ann@example.com", "Ann", "hash");
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	@Test
	void storesOnlyHashesAndFindsTheSessionByItsToken() {
		Sessions sessions = sessionsAt(NOW);
		Sessions.NewSession created = sessions.create(this.user.id());
		assertThat(created.token()).matches("[A-Za-z0-9_-]{43}");
		assertThat(created.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(created.token());
		Session session = sessions.find(created.token()).orElseThrow();
		assertThat(session.tokenHash()).isEqualTo(ApiTokens.hash(created.token()));
		assertThat(session.csrfHash()).isEqualTo(ApiTokens.hash(created.csrfToken()));
		assertThat(session.expiresAt()).isEqualTo(NOW.plus(Sessions.LIFETIME));
		assertThat(Sessions.csrfMatches(session, created.csrfToken())).isTrue();
		assertThat(Sessions.csrfMatches(session, created.token())).isFalse();
		assertThat(Sessions.csrfMatches(session, null)).isFalse();
		assertThat(Sessions.csrfMatches(session, "")).isFalse();
	}

	@Test
	void aSessionEndsAfterItsLifetimeOrWhenDeleted() {
		Sessions.NewSession created = sessionsAt(NOW).create(this.user.id());
		assertThat(sessionsAt(NOW.plus(Sessions.LIFETIME).minusSeconds(1)).find(created.token())).isPresent();
		assertThat(sessionsAt(NOW.plus(Sessions.LIFETIME)).find(created.token())).isEmpty();
		Sessions.NewSession other = sessionsAt(NOW).create(this.user.id());
		sessionsAt(NOW).delete(other.token());
		assertThat(sessionsAt(NOW).find(other.token())).isEmpty();
	}

	@Test
	void signingInDeletesExpiredSessions() {
		Sessions.NewSession old = sessionsAt(NOW).create(this.user.id());
		sessionsAt(NOW.plus(Sessions.LIFETIME).plus(Duration.ofDays(1))).create(this.user.id());
		// Even a clock turned back no longer finds the expired row: it was deleted.
		assertThat(sessionsAt(NOW).find(old.token())).isEmpty();
	}

	private Sessions sessionsAt(Instant now) {
		return new Sessions(this.stores.sessions(), Clock.fixed(now, ZoneOffset.UTC));
	}

}
