package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/scenario.cjs} with the official {@code @sentry/node} SDK
 * installed in {@code tools/node_modules} (by the test command), against a DSN.
 */
final class NodeSdkScenario {

	static final int EVENTS = 23;

	private NodeSdkScenario() {
	}

	static void send(String dsn) throws IOException, InterruptedException {
		Path tools = Path.of(System.getProperty("faultline.tools.dir", "../tools")).toAbsolutePath();
		Path modules = tools.resolve("node_modules");
		if (!Files.isDirectory(modules.resolve("@sentry/node"))) {
			throw new IllegalStateException("@sentry/node is missing in " + modules
					+ "; run scripts/install-prerequisites.sh (npm --prefix tools ci)");
		}
		Path log = Files.createTempFile("node-scenario", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/node/scenario.cjs").toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("NODE_PATH", modules.toString());
		builder.environment().put("FAULTLINE_DSN", dsn);
		Process process = builder.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the Node scenario did not finish: " + Files.readString(log));
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"the Node scenario failed (" + process.exitValue() + "): " + Files.readString(log));
		}
	}

}
