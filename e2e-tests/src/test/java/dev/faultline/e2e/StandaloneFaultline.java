package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged {@code standalone/target/faultline.jar}, started with {@code java -jar} as
 * an operator runs it: a fresh data directory, configured only through its documented
 * environment variables, with the admin token {@link #TOKEN}.
 */
final class StandaloneFaultline implements AutoCloseable {

	static final String TOKEN = "e2e-admin-token-0123456789abcdef";

	static final String ADMIN_EMAIL = "admin@example.com";

	static final String ADMIN_PASSWORD = "e2e-password";

	private final Process process;

	private final Path log;

	private final String url;

	private final long startupMillis;

	private final Path dataDirectory;

	private StandaloneFaultline(Process process, Path log, String url, long startupMillis, Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		this.process = process;
		this.log = log;
		this.url = url;
		this.startupMillis = startupMillis;
	}

	/**
	 * Starts the jar and returns once its Web API answers.
	 */
	static StandaloneFaultline start() {
		return start(Map.of());
	}

	/**
	 * Starts the jar with further environment variables and returns once its Web API
	 * answers.
	 */
	static StandaloneFaultline start(Map<String, String> environment) {
		return start(Temporary.directory("faultline-standalone"), environment);
	}

	/**
	 * Starts the jar with its log and data directory under {@code home}.
	 */
	static StandaloneFaultline start(Path home, Map<String, String> environment) {
		Path jar = Path.of("../standalone/target/faultline.jar").toAbsolutePath().normalize();
		int port = FreePort.find();
		String url = "http://127.0.0.1:" + port;
		Path log = home.resolve("faultline.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("SERVER_PORT", String.valueOf(port), "FAULTLINE_DATA_DIR", home.resolve("data").toString(),
					"FAULTLINE_PUBLIC_URL", url, "FAULTLINE_ADMIN_EMAIL", ADMIN_EMAIL, "FAULTLINE_ADMIN_PASSWORD",
					ADMIN_PASSWORD, "FAULTLINE_ADMIN_TOKEN", TOKEN));
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		FaultlineApi api = new FaultlineApi(url, TOKEN);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("faultline.jar exited: " + Files.readString(log));
			}
			return answers(api);
		});
		return new StandaloneFaultline(process, log, url, (System.nanoTime() - started) / 1_000_000,
				home.resolve("data"));
	}

	/**
	 * The base URL of both ingest and the Web API, e.g. {@code http://127.0.0.1:40123}.
	 */
	String url() {
		return this.url;
	}

	FaultlineApi api() {
		return new FaultlineApi(this.url, TOKEN);
	}

	/**
	 * The data directory ({@code FAULTLINE_DATA_DIR}), for tests that read or seed its
	 * files beside the running process (SQLite allows it).
	 */
	Path dataDirectory() {
		return this.dataDirectory;
	}

	int port() {
		return Integer.parseInt(this.url.substring(this.url.lastIndexOf(':') + 1));
	}

	long startupMillis() {
		return this.startupMillis;
	}

	/**
	 * Stops the process gracefully (SIGTERM) and prints the end of its log.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			String text = Files.readString(this.log);
			System.out.println("faultline.jar log tail:\n" + text.substring(Math.max(0, text.length() - 4000)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean answers(FaultlineApi api) {
		try {
			return api.status("/api/0/", TOKEN) == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

}
