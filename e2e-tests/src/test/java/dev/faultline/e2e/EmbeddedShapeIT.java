package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static org.awaitility.Awaitility.await;

/**
 * The acceptance scenario against the embedded shape, as an operator runs it: the
 * packaged {@code standalone/target/faultline.jar} started with {@code java -jar} in a
 * fresh data directory, configured only through its documented environment variables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedShapeIT extends SdkAcceptanceContract {

	private final Path dataDir = Temporary.directory("faultline-e2e");

	private Process faultline;

	private Path log;

	private FaultlineApi api;

	@BeforeAll
	void start() throws IOException {
		Path jar = Path.of("../standalone/target/faultline.jar").toAbsolutePath().normalize();
		int port = FreePort.find();
		String url = "http://127.0.0.1:" + port;
		this.log = this.dataDir.resolve("faultline.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		builder.environment()
			.putAll(Map.of("SERVER_PORT", String.valueOf(port), "FAULTLINE_DATA_DIR",
					this.dataDir.resolve("data").toString(), "FAULTLINE_PUBLIC_URL", url, "FAULTLINE_ADMIN_EMAIL",
					"admin@example.com", "FAULTLINE_ADMIN_PASSWORD", "e2e-password", "FAULTLINE_ADMIN_TOKEN", TOKEN));
		long started = System.nanoTime();
		this.faultline = builder.start();
		this.api = new FaultlineApi(url, TOKEN);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!this.faultline.isAlive()) {
				throw new IllegalStateException("faultline.jar exited: " + Files.readString(this.log));
			}
			return ready();
		});
		System.out.printf("faultline.jar ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	void stop() throws InterruptedException, IOException {
		if (this.faultline != null) {
			this.faultline.destroy();
			if (!this.faultline.waitFor(30, TimeUnit.SECONDS)) {
				this.faultline.destroyForcibly();
			}
			System.out.println("faultline.jar log tail:\n" + tail(Files.readString(this.log)));
		}
	}

	@Override
	FaultlineApi api() {
		return this.api;
	}

	private boolean ready() {
		try {
			return this.api.status("/api/0/", TOKEN) == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static String tail(String text) {
		return text.substring(Math.max(0, text.length() - 4000));
	}

}
