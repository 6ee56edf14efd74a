package dev.faultline.api.auth;

import java.time.Instant;
import java.util.Set;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CallerTest {

	private final User user = new User(1, "ann@example.com", "Ann", "hash", Instant.EPOCH);

	@Test
	void aTokenGrantsItsOwnScopesWhateverTheRole() {
		Caller caller = new Caller(this.user, new ApiToken(1, 1, "cli", "hash", Set.of("project:read"), Instant.EPOCH));
		assertThat(caller.isSession()).isFalse();
		assertThatNoException().isThrownBy(() -> caller.requireScope("project:read", "member"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> caller.requireScope("event:read", "owner"));
	}

	@Test
	void aSessionGrantsTheScopesOfTheRoleInTheOrganization() {
		Caller caller = new Caller(this.user, null);
		assertThat(caller.isSession()).isTrue();
		assertThatNoException().isThrownBy(() -> caller.requireScope("project:admin", "owner"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> caller.requireScope("project:admin", "member"));
		assertThatNoException().isThrownBy(() -> caller.requireScope("org:read"));
		assertThat(caller.scopesIn("owner")).isEqualTo(Scopes.ALL);
	}

}
