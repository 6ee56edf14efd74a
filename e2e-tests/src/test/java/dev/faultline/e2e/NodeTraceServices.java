package dev.faultline.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@code src/test/node/trace-services.cjs}: two services instrumented by the
 * official {@code @sentry/node} SDK (span streaming), the back one on its project's DSN,
 * the front one on another's; the front service's {@code /checkout} calls the back
 * service, which fails inside a database span and captures the error. One trace, two
 * projects.
 */
final class NodeTraceServices {

	private NodeTraceServices() {
	}

	static void run(String frontDsn, String backDsn) throws IOException, InterruptedException {
		Path tools = Path.of(System.getProperty("faultline.tools.dir", "../tools")).toAbsolutePath();
		Path modules = tools.resolve("node_modules");
		if (!Files.isDirectory(modules.resolve("@sentry/node"))) {
			throw new IllegalStateException("@sentry/node is missing in " + modules
					+ "; run scripts/install-prerequisites.sh (npm --prefix tools ci)");
		}
		String backPort = Integer.toString(FreePort.find());
		String frontPort = Integer.toString(FreePort.find());
		Process back = start("back", backDsn, modules, backPort, frontPort, null);
		try {
			awaitReady(back);
			Path log = Files.createTempFile("node-trace-front", ".log");
			Process front = start("front", frontDsn, modules, backPort, frontPort, log);
			if (!front.waitFor(90, TimeUnit.SECONDS)) {
				front.destroyForcibly();
				throw new IllegalStateException("the front service did not finish: " + Files.readString(log));
			}
			if (front.exitValue() != 0) {
				throw new IllegalStateException(
						"the front service failed (" + front.exitValue() + "): " + Files.readString(log));
			}
			// The front service's last request shuts the back one down once it flushed.
			if (!back.waitFor(60, TimeUnit.SECONDS) || back.exitValue() != 0) {
				throw new IllegalStateException("the back service did not flush and exit");
			}
		}
		finally {
			back.destroyForcibly();
		}
	}

	private static Process start(String role, String dsn, Path modules, String backPort, String frontPort,
			@Nullable Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/node/trace-services.cjs").toString(),
				role)
			.redirectErrorStream(true);
		if (log != null) {
			builder.redirectOutput(log.toFile());
		}
		builder.environment().put("NODE_PATH", modules.toString());
		builder.environment().put("FAULTLINE_DSN", dsn);
		builder.environment().put("BACK_PORT", backPort);
		builder.environment().put("FRONT_PORT", frontPort);
		return builder.start();
	}

	/**
	 * Waits for the back service's {@code ready} line, then keeps draining its output.
	 */
	private static void awaitReady(Process back) throws IOException {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(back.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.equals("ready")) {
				Thread drain = new Thread(() -> {
					try {
						while (output.readLine() != null) {
							// the service's log is not needed; the pipe must not fill up
						}
					}
					catch (IOException ex) {
						// the process ended
					}
				}, "node-back-output");
				drain.setDaemon(true);
				drain.start();
				return;
			}
		}
		throw new IllegalStateException("the back service exited before it was ready");
	}

}
