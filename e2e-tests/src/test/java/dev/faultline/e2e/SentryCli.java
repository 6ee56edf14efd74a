package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official {@code sentry-cli} (npm {@code @sentry/cli}, its binary from the
 * optional dependency {@code @sentry/cli-linux-x64}, installed in
 * {@code tools/node_modules} by the test command) against a Faultline, configured as a CI
 * pipeline configures it: {@code SENTRY_URL}, {@code SENTRY_AUTH_TOKEN},
 * {@code SENTRY_ORG}, {@code SENTRY_PROJECT}.
 */
final class SentryCli {

	private final Path binary;

	private final Map<String, String> environment;

	SentryCli(String url, String token, String organization, String project) {
		Path tools = Path.of(System.getProperty("faultline.tools.dir", "../tools")).toAbsolutePath();
		this.binary = tools.resolve("node_modules/.bin/sentry-cli");
		if (!Files.isExecutable(this.binary)) {
			throw new IllegalStateException("sentry-cli is missing in " + tools
					+ "/node_modules; run scripts/install-prerequisites.sh (npm --prefix tools ci)");
		}
		this.environment = Map.of("SENTRY_URL", url + "/", "SENTRY_AUTH_TOKEN", token, "SENTRY_ORG", organization,
				"SENTRY_PROJECT", project, "SENTRY_LOG_LEVEL", "info", "SENTRYCLI_SKIP_DOWNLOAD", "1");
	}

	/**
	 * Runs a command in {@code directory} and returns what it printed (stdout and
	 * stderr).
	 * @throws IllegalStateException when it exits with a failure, with its output
	 */
	String run(Path directory, String... arguments) {
		Result result = attempt(directory, arguments);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("sentry-cli " + String.join(" ", arguments) + " exited " + result.exitCode()
					+ ":\n" + result.output());
		}
		return result.output();
	}

	/**
	 * Runs a command and returns its exit code and output, whatever they are.
	 */
	Result attempt(Path directory, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.binary.toString());
		command.addAll(List.of(arguments));
		try {
			Path log = Files.createTempFile("sentry-cli", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(this.environment);
			// A developer's own configuration must not leak into the run.
			builder.environment().put("HOME", directory.toString());
			builder.environment().remove("SENTRY_DSN");
			Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"sentry-cli " + String.join(" ", arguments) + " did not finish: " + Files.readString(log));
			}
			String output = Files.readString(log);
			Files.delete(log);
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Result(int exitCode, String output) {

	}

}
