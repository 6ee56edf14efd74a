package dev.faultline.api.bootstrap;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FirstStartBootstrapTest {

	private static final PasswordEncoder ENCODER = Passwords.encoder();

	@TempDir
	Path dir;

	private MetadataStores stores;

	@BeforeEach
	void open() {
		this.stores = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
	}

	@AfterEach
	void close() {
		this.stores.close();
	}

	private void run(FaultlineProperties.Admin admin) {
		new FirstStartBootstrap(this.stores.organizations(), this.stores.users(), this.stores.memberships(), admin,
				ENCODER, new SignInNotice("http://localhost:8080", 18080))
			.run(new DefaultApplicationArguments());
	}

	@Test
	void everyStartLogsWhereTheUiIsAndHowToSignInWithoutThePassword(CapturedOutput output) {
		FaultlineProperties.Admin generated = new FaultlineProperties.Admin("admin@localhost", null, null, "faultline");
		run(generated);
		assertThat(output.getOut()).contains("Faultline web UI: http://localhost:18080/")
			.contains("Sign in as admin@localhost with the generated password printed above");
		run(generated);
		assertThat(output.getOut()).contains("with the password printed in this log at the first start");

		run(new FaultlineProperties.Admin("admin@localhost", "s3cret-pass", null, "faultline"));
		assertThat(output.getOut()).contains("with the password of FAULTLINE_ADMIN_PASSWORD");
		assertThat(output.getAll()).doesNotContain("s3cret-pass");
	}

	@Test
	void theUiAddressIsThePublicUrlOrTheLocalPortWhenThatWasLeftAtItsDefault() {
		assertThat(SignInNotice.uiUrl("https://errors.example.com", 8080)).isEqualTo("https://errors.example.com/");
		assertThat(SignInNotice.uiUrl("http://localhost:8080", 8080)).isEqualTo("http://localhost:8080/");
		assertThat(SignInNotice.uiUrl("http://localhost:8080/", 9000)).isEqualTo("http://localhost:9000/");
		assertThat(SignInNotice.uiUrl("http://127.0.0.1", null)).isEqualTo("http://127.0.0.1/");
	}

	@Test
	void firstStartCreatesTheOrganizationTeamAndOwner() {
		run(new FaultlineProperties.Admin("root@example.com", "s3cret-pass", null, "acme"));

		Organization organization = this.stores.organizations().findBySlug("acme").orElseThrow();
		assertThat(organization.name()).isEqualTo("acme");
		assertThat(this.stores.organizations().listTeams(organization.id())).extracting("slug").containsExactly("acme");
		User admin = this.stores.users().findByEmail("root@example.com").orElseThrow();
		assertThat(admin.passwordHash()).doesNotContain("s3cret-pass");
		assertThat(ENCODER.matches("s3cret-pass", admin.passwordHash())).isTrue();
		assertThat(this.stores.organizations().findMemberRole(organization.id(), admin.id())).contains("owner");
	}

	@Test
	void generatedPasswordIsLoggedOnceAndMatchesTheStoredHash(CapturedOutput output) {
		FaultlineProperties.Admin admin = new FaultlineProperties.Admin("admin@localhost", null, "tok-123456",
				"faultline");
		run(admin);
		run(admin);

		Matcher password = Pattern.compile("Password:\\s+(\\S+)").matcher(output.getOut());
		assertThat(password.find()).isTrue();
		User user = this.stores.users().findByEmail("admin@localhost").orElseThrow();
		assertThat(ENCODER.matches(password.group(1), user.passwordHash())).isTrue();
		assertThat(password.find()).as("shown only once").isFalse();
		assertThat(output.getAll()).doesNotContain("tok-123456");
	}

	@Test
	void registersTheTokenHashWithAllScopesOnce() {
		FaultlineProperties.Admin admin = new FaultlineProperties.Admin("admin@localhost", "pw", "tok-abc",
				"faultline");
		run(admin);
		run(admin);

		ApiToken token = this.stores.users().findTokenByHash(ApiTokens.hash("tok-abc")).orElseThrow();
		assertThat(token.scopes()).isEqualTo(Scopes.ALL);
		assertThat(token.userId()).isEqualTo(this.stores.users().findByEmail("admin@localhost").orElseThrow().id());
	}

	@Test
	void aTokenConfiguredLaterIsRegisteredOnTheNextStart() {
		run(new FaultlineProperties.Admin("admin@localhost", "pw", null, "faultline"));
		assertThat(this.stores.users().findTokenByHash(ApiTokens.hash("later"))).isEmpty();

		run(new FaultlineProperties.Admin("admin@localhost", "pw", "later", "faultline"));

		assertThat(this.stores.users().findTokenByHash(ApiTokens.hash("later"))).isPresent();
	}

	@Test
	void replicasStartingTogetherCreateOneOfEach() {
		FaultlineProperties.Admin admin = new FaultlineProperties.Admin("admin@localhost", "pw", "tok", "faultline");
		CompletableFuture<?>[] starts = new CompletableFuture<?>[4];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = CompletableFuture.runAsync(() -> run(admin));
		}
		CompletableFuture.allOf(starts).join();

		Organization organization = this.stores.organizations().findBySlug("faultline").orElseThrow();
		assertThat(this.stores.organizations().listTeams(organization.id())).hasSize(1);
		User user = this.stores.users().findByEmail("admin@localhost").orElseThrow();
		assertThat(this.stores.organizations().listForUser(user.id())).hasSize(1);
		assertThat(this.stores.users().findTokenByHash(ApiTokens.hash("tok"))).isPresent();
	}

}
