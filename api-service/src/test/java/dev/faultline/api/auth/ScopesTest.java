package dev.faultline.api.auth;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTest {

	@Test
	void higherLevelsOfAResourceGrantLowerOnes() {
		assertThat(Scopes.grants(Set.of("project:admin"), "project:read")).isTrue();
		assertThat(Scopes.grants(Set.of("project:admin"), "project:write")).isTrue();
		assertThat(Scopes.grants(Set.of("project:write"), "project:read")).isTrue();
		assertThat(Scopes.grants(Set.of("event:read"), "event:read")).isTrue();
	}

	@Test
	void lowerLevelsAndOtherResourcesDoNot() {
		assertThat(Scopes.grants(Set.of("project:read"), "project:write")).isFalse();
		assertThat(Scopes.grants(Set.of("org:admin"), "project:read")).isFalse();
		assertThat(Scopes.grants(Set.of("project:releases"), "project:read")).isFalse();
		assertThat(Scopes.grants(Set.of(), "org:read")).isFalse();
	}

	@Test
	void allGrantsEverything() {
		assertThat(Scopes.ALL).allMatch((scope) -> Scopes.grants(Scopes.ALL, scope));
	}

	@Test
	void rolesGrantSentrysScopes() {
		assertThat(Scopes.forRole("owner")).isEqualTo(Scopes.ALL);
		assertThat(Scopes.forRole("member")).contains("org:read", "project:read", "event:write")
			.doesNotContain("project:write", "org:write");
		assertThat(Scopes.forRole("admin")).contains("project:write", "project:admin").doesNotContain("org:write");
		assertThat(Scopes.forRole("manager")).contains("org:write", "member:admin").doesNotContain("org:admin");
		assertThat(Scopes.forRole("no-such-role")).isEqualTo(Scopes.forRole(Scopes.MEMBER_ROLE));
	}

}
