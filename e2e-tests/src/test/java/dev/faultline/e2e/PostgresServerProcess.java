package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (a cluster made by {@code initdb} in a temporary
 * directory, run by {@code pg_ctl} on a free port), so that the test can crash it
 * ({@code pg_ctl stop -m immediate}: no shutdown checkpoint, crash recovery at the next
 * start) and start it again without touching the machine's server that other tests use.
 * PostgreSQL refuses to run as root: when the test is root, the cluster belongs to the
 * {@code postgres} account and every command runs as that account.
 */
final class PostgresServerProcess implements AutoCloseable {

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private final Path bin;

	private final Path data;

	private final int port;

	private PostgresServerProcess(Path bin, Path data, int port) {
		this.bin = bin;
		this.data = data;
		this.port = port;
	}

	/**
	 * Makes a cluster (trust authentication, superuser {@code postgres}) and starts it.
	 */
	static PostgresServerProcess create() {
		try {
			Path directory = Files.createTempDirectory("faultline-postgres");
			if (ROOT) {
				UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
				Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
			}
			PostgresServerProcess server = new PostgresServerProcess(binaries(), directory.resolve("data"),
					FreePort.find());
			server.run("initdb", "-D", server.data.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	/** Starts the server and waits until it accepts connections. */
	void start() {
		run("pg_ctl", "-D", this.data.toString(), "-l", this.data.resolveSibling("server.log").toString(), "-w", "-o",
				"-p " + this.port + " -c listen_addresses=127.0.0.1 -k " + this.data.getParent(), "start");
	}

	/** An immediate stop: the server's processes quit at once, as in a crash. */
	void crash() {
		run("pg_ctl", "-D", this.data.toString(), "-m", "immediate", "stop");
	}

	/** Stops the server and deletes its cluster. */
	@Override
	public void close() {
		run("pg_ctl", "-D", this.data.toString(), "-m", "fast", "stop");
		try (Stream<Path> files = Files.walk(this.data.getParent())) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void run(String program, String... args) {
		List<String> command = new ArrayList<>();
		if (ROOT) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.bin.resolve(program).toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The newest installed server's binaries (Debian: /usr/lib/postgresql/N/bin). */
	private static Path binaries() throws IOException {
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparing((bin) -> Integer.parseInt(bin.getParent().getFileName().toString())))
				.orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql"));
		}
	}

}
