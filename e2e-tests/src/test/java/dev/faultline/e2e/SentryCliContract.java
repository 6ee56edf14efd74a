package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.faultline.e2e.FaultlineApi.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release commands of a CI pipeline moved from Sentry, run with the unmodified
 * official {@code sentry-cli} 3.8.0 against a running Faultline: {@code info},
 * {@code releases new|list|info|set-commits|finalize|delete} and
 * {@code deploys new|list}, each checked against what the Web API then serves. Commits
 * come from {@code --commit repo@from..to} and from {@code --local} in a real git
 * repository made here. Subclasses expose a running Faultline of one shape.
 */
abstract class SentryCliContract {

	static final String ORGANIZATION = "faultline";

	abstract FaultlineApi api();

	@Test
	void aReleasePipelineRunsUnmodified() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Cli Web", "javascript");
		SentryCli cli = new SentryCli(api().baseUrl(), api().token(), ORGANIZATION, project.slug());
		Path work = Temporary.directory("sentry-cli");
		String releases = "/api/0/organizations/" + ORGANIZATION + "/releases/";

		assertThat(cli.run(work, "info")).contains("project:releases").contains(StandaloneFaultline.ADMIN_EMAIL);

		assertThat(cli.run(work, "releases", "new", "web@1.0.0")).contains("Created release web@1.0.0");
		JsonNode created = api().get(releases + "web@1.0.0/");
		assertThat(created.path("projects").get(0).path("slug").asString()).isEqualTo(project.slug());
		assertThat(created.path("dateReleased").isNull()).isTrue();

		// Explicit commits name a repository the organization has.
		api().post("/api/0/organizations/" + ORGANIZATION + "/repos/",
				Map.of("name", "acme/shop", "url", "https://git.example/acme/shop"));
		String head = "2b8a1f4c2e0d6b7a9c3e5f1d0a2b4c6d8e0f1a2b";
		cli.run(work, "releases", "set-commits", "web@1.0.0", "--commit", "acme/shop@0f1e2d3c.." + head);
		JsonNode withRef = api().get(releases + "web@1.0.0/");
		assertThat(withRef.path("commitCount").asInt()).isEqualTo(1);
		assertThat(withRef.path("lastCommit").path("id").asString()).isEqualTo(head);

		cli.run(work, "releases", "finalize", "web@1.0.0");
		assertThat(api().get(releases + "web@1.0.0/").path("dateReleased").asString()).endsWith("Z");

		assertThat(cli.run(work, "deploys", "new", "--release", "web@1.0.0", "-e", "staging", "-n", "first"))
			.contains("staging");
		JsonNode deploys = api().get(releases + "web@1.0.0/deploys/");
		assertThat(deploys).singleElement().satisfies((deploy) -> {
			assertThat(deploy.path("environment").asString()).isEqualTo("staging");
			assertThat(deploy.path("name").asString()).isEqualTo("first");
		});
		assertThat(cli.run(work, "deploys", "list", "--release", "web@1.0.0")).contains("staging").contains("first");

		// --local: the commits of a real repository, with authors and changed files; the
		// next release lists only the commits since the previous one's last commit. A
		// project of its own: the previous release of a project must have its last commit
		// in the repository's history (web@1.0.0's head is not in this one).
		Project shop = api().createProject(ORGANIZATION, ORGANIZATION, "Cli Shop", "javascript");
		SentryCli shopCli = new SentryCli(api().baseUrl(), api().token(), ORGANIZATION, shop.slug());
		Path repository = Files.createDirectories(work.resolve("shop"));
		git(repository, "init", "-q", "-b", "main");
		git(repository, "config", "user.email", "dev@example.com");
		git(repository, "config", "user.name", "Dev Eloper");
		commit(repository, "src/app.js", "Start the shop");
		commit(repository, "src/cart.js", "Add the cart");
		shopCli.run(repository, "releases", "new", "web@1.1.0");
		shopCli.run(repository, "releases", "set-commits", "web@1.1.0", "--local");
		JsonNode local = api().get(releases + "web@1.1.0/commits/");
		assertThat(messages(local)).containsExactly("Add the cart", "Start the shop");
		assertThat(local.get(0).path("author").path("email").asString()).isEqualTo("dev@example.com");
		assertThat(local.get(0).path("author").path("name").asString()).isEqualTo("Dev Eloper");
		assertThat(local.get(0).path("files")).singleElement().satisfies((file) -> {
			assertThat(file.path("filename").asString()).isEqualTo("src/cart.js");
			assertThat(file.path("type").asString()).isEqualTo("A");
		});
		commit(repository, "src/cart.js", "Fix the cart total");
		shopCli.run(repository, "releases", "new", "web@1.2.0");
		shopCli.run(repository, "releases", "set-commits", "web@1.2.0", "--local");
		JsonNode since = api().get(releases + "web@1.2.0/commits/");
		assertThat(messages(since)).containsExactly("Fix the cart total");
		assertThat(since.get(0).path("files").get(0).path("type").asString()).isEqualTo("M");

		assertThat(cli.run(work, "releases", "list")).contains("web@1.0.0").doesNotContain("web@1.1.0");
		assertThat(shopCli.run(work, "releases", "list")).contains("web@1.1.0").contains("web@1.2.0");
		assertThat(shopCli.run(work, "releases", "info", "web@1.1.0")).contains("web@1.1.0");

		shopCli.run(work, "releases", "delete", "web@1.2.0");
		api().send("GET", releases + "web@1.2.0/", null, 404);
		assertThat(shopCli.attempt(work, "releases", "info", "web@1.2.0").exitCode()).isNotZero();
		assertThat(shopCli.run(work, "releases", "list")).doesNotContain("web@1.2.0");
	}

	@Test
	void sourceMapsAreInjectedAndUploadedAsArtifactBundles() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Cli Maps", "javascript");
		SentryCli cli = new SentryCli(api().baseUrl(), api().token(), ORGANIZATION, project.slug());
		Path work = Temporary.directory("sentry-cli-maps");
		Path dist = Files.createDirectories(work.resolve("dist"));
		Files.writeString(dist.resolve("app.min.js"),
				"function a(){throw new Error(\"boom\")}a();\n//# sourceMappingURL=app.min.js.map\n");
		Files.writeString(dist.resolve("app.min.js.map"), """
				{"version":3,"file":"app.min.js","sources":["../src/app.js"],"names":["fail"],
				 "sourcesContent":["function fail() {\\n  throw new Error('boom');\\n}\\nfail();\\n"],
				 "mappings":"AAAA,SAASA,IACP,MAAM"}""");

		cli.run(work, "sourcemaps", "inject", "dist");
		String minified = Files.readString(dist.resolve("app.min.js"));
		assertThat(minified).contains("//# debugId=");
		cli.run(work, "sourcemaps", "upload", "--release", "maps@1.0.0", "dist");
		String bundles = "/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/files/artifact-bundles/";
		JsonNode uploaded = api().get(bundles);
		assertThat(uploaded).singleElement().satisfies((bundle) -> {
			assertThat(bundle.path("fileCount").asInt()).isEqualTo(2);
			assertThat(bundle.path("associations").get(0).path("release").asString()).isEqualTo("maps@1.0.0");
		});

		// The same files again are the same bundle.
		cli.run(work, "sourcemaps", "upload", "--release", "maps@1.0.0", "dist");
		assertThat(api().get(bundles)).hasSize(1);
	}

	/**
	 * A CI pipeline on an organization token (Sentry's {@code sntrys_} format, which
	 * names the organization itself): releases and source maps work, and the same
	 * commands are refused once the token is revoked.
	 */
	@Test
	void anOrganizationTokenDrivesTheCliUntilRevoked() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Cli Token", "javascript");
		String tokens = "/api/0/organizations/" + ORGANIZATION + "/org-auth-tokens/";
		JsonNode created = api().post(tokens, Map.of("name", "ci pipeline"));
		String token = created.path("token").asString();
		assertThat(token).startsWith("sntrys_");
		SentryCli cli = new SentryCli(api().baseUrl(), token, ORGANIZATION, project.slug());
		Path work = Temporary.directory("sentry-cli-org-token");
		String releases = "/api/0/organizations/" + ORGANIZATION + "/releases/";

		assertThat(cli.run(work, "info")).contains("org:ci");
		assertThat(cli.run(work, "releases", "new", "ci@1.0.0")).contains("Created release ci@1.0.0");
		Path dist = Files.createDirectories(work.resolve("dist"));
		Files.writeString(dist.resolve("app.min.js"), "function a(){}a();\n//# sourceMappingURL=app.min.js.map\n");
		Files.writeString(dist.resolve("app.min.js.map"),
				"{\"version\":3,\"file\":\"app.min.js\",\"sources\":[\"app.js\"],\"names\":[],\"mappings\":\"AAAA\"}");
		cli.run(work, "sourcemaps", "inject", "dist");
		cli.run(work, "sourcemaps", "upload", "--release", "ci@1.0.0", "dist");
		cli.run(work, "releases", "finalize", "ci@1.0.0");
		assertThat(api().get(releases + "ci@1.0.0/").path("dateReleased").asString()).endsWith("Z");
		assertThat(api().get("/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/files/artifact-bundles/"))
			.hasSize(1);
		JsonNode listed = api().get(tokens + created.path("id").asString() + "/");
		assertThat(listed.path("dateLastUsed").asString()).endsWith("Z");
		assertThat(listed.has("token") && !listed.path("token").isNull()).isFalse();

		api().send("DELETE", tokens + created.path("id").asString() + "/", null, 204);
		SentryCli.Result refused = cli.attempt(work, "releases", "new", "ci@2.0.0");
		assertThat(refused.exitCode()).as(refused.output()).isNotZero();
		assertThat(refused.output()).containsIgnoringCase("invalid token");
		api().send("GET", releases + "ci@2.0.0/", null, 404);
	}

	private static List<String> messages(JsonNode commits) {
		List<String> messages = new ArrayList<>();
		for (JsonNode commit : commits) {
			messages.add(commit.path("message").asString().strip());
		}
		return messages;
	}

	private static void commit(Path repository, String file, String message) throws IOException, InterruptedException {
		Path path = repository.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, message + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		git(repository, "add", file);
		git(repository, "commit", "-q", "-m", message);
	}

	private static void git(Path repository, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("git " + String.join(" ", arguments) + " failed: " + output);
		}
	}

}
