package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of {@code src/test/node} ({@code scenario.cjs}, the acceptance
 * scenario, and others) with the official {@code @sentry/node} SDK installed in
 * {@code tools/node_modules} (by the test command), against a DSN.
 */
final class NodeSdkScenario {

	static final int EVENTS = 23;

	private NodeSdkScenario() {
	}

	static void send(String dsn) throws IOException, InterruptedException {
		run("scenario.cjs", Map.of("FAULTLINE_DSN", dsn));
	}

	/**
	 * Runs a script of {@code src/test/node} with the given environment and returns what
	 * it printed.
	 * @throws IllegalStateException when it fails or runs over 90 seconds, with its
	 * output
	 */
	static String run(String script, Map<String, String> environment) throws IOException, InterruptedException {
		Path tools = Path.of(System.getProperty("faultline.tools.dir", "../tools")).toAbsolutePath();
		Path modules = tools.resolve("node_modules");
		if (!Files.isDirectory(modules.resolve("@sentry/node"))) {
			throw new IllegalStateException("@sentry/node is missing in " + modules
					+ "; run scripts/install-prerequisites.sh (npm --prefix tools ci)");
		}
		Path log = Files.createTempFile("node-scenario", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/node", script).toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("NODE_PATH", modules.toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the Node script " + script + " did not finish: " + Files.readString(log));
		}
		String output = Files.readString(log);
		Files.deleteIfExists(log);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"the Node script " + script + " failed (" + process.exitValue() + "): " + output);
		}
		return output;
	}

}
