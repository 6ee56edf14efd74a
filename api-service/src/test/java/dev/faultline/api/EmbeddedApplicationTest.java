package dev.faultline.api;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-application tests: each test class runs the API service on a random
 * port over the embedded adapters (SQLite metadata, DuckDB events) in a data directory of
 * its own. Subclasses carry their own {@code @SpringBootTest} with their admin token.
 */
public abstract class EmbeddedApplicationTest {

	@TempDir
	static Path dataDir;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("faultline.data-dir", () -> dataDir.toString());
	}

}
