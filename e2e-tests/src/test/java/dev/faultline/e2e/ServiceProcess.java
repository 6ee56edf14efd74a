package dev.faultline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * One service of the distributed shape run as its own JVM from its runnable jar
 * ({@code <module>/target/*-exec.jar}), so that the test can kill it as an operator's
 * {@code kill -9} would ({@link Process#destroyForcibly()} sends SIGKILL) and start it
 * again on the same port.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final List<String> args;

	private final int port;

	private final Path log;

	private @Nullable Process process;

	private int starts;

	ServiceProcess(String name, String module, int port, List<String> args, Path logs) {
		this.name = name;
		this.jar = execJar(module);
		this.port = port;
		this.args = List.copyOf(args);
		this.log = logs.resolve(name + ".log");
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Starts the JVM (appending to its log); returns without waiting for it. */
	synchronized ServiceProcess start() {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString(), "--server.port=" + this.port));
		command.addAll(this.args);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.starts++;
		return this;
	}

	/** SIGKILL, then waits until the process is gone. */
	synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroyForcibly();
		try {
			running.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Waits until {@code /actuator/health} answers 200 (UP), failing fast if it exits.
	 */
	void awaitHealthy(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			Process running = this.process;
			if (running != null && !running.isAlive()) {
				throw new IllegalStateException(this.name + " exited; log tail:\n" + tail());
			}
			return healthy();
		});
	}

	boolean healthy() {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Resident set size in kB and open file descriptors of the running JVM (Linux). */
	long[] residentKbAndFds() throws IOException {
		Process running = this.process;
		if (running == null) {
			return new long[] { 0, 0 };
		}
		Path proc = Path.of("/proc", Long.toString(running.pid()));
		long rss = Files.readAllLines(proc.resolve("status"))
			.stream()
			.filter((line) -> line.startsWith("VmRSS:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0);
		long fds;
		try (var entries = Files.list(proc.resolve("fd"))) {
			fds = entries.count();
		}
		return new long[] { rss, fds };
	}

	String tail() {
		try {
			String text = Files.readString(this.log);
			return text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		kill();
	}

	private static Path execJar(String module) {
		Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
		try (var files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no runnable jar in " + target + ": package " + module));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
