package dev.faultline.testing.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A ClickHouse-HTTP-compatible server backed by libchdb (ClickHouse as an in-process
 * library), for tests: the official clients talk to it exactly as to a ClickHouse server.
 *
 * <p>
 * Binds a free loopback port. Data lives in the given directory and survives
 * {@link #close()} and a new {@link #start(Path)} over the same directory. libchdb serves
 * one data directory per process, so at most one server runs per JVM at a time:
 * {@link #start(Path)} fails while another is open. Test classes that share a JVM should
 * use {@link #shared()} and isolate themselves by database name.
 *
 * <p>
 * The library is found through the system property {@code faultline.libchdb} or under
 * {@code ${faultline.tools.dir}/node_modules/@chdb/lib-linux-x64-gnu/}; when missing,
 * start fails naming the install command ({@code npm --prefix tools install}).
 * Thread-safe; requests run on a small pool, each on its own engine session.
 */
public final class ChdbHttpServer implements AutoCloseable {

	private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	private static final int THREADS = 4;

	private static @Nullable ChdbHttpServer shared;

	private final ChdbEngine engine;

	private final HttpServer http;

	private final ExecutorService executor;

	private final boolean closable;

	private boolean closed;

	private ChdbHttpServer(ChdbEngine engine, HttpServer http, ExecutorService executor, boolean closable) {
		this.engine = engine;
		this.http = http;
		this.executor = executor;
		this.closable = closable;
	}

	/**
	 * Starts a server over {@code dataDir} (created if missing) on a free loopback port.
	 * @throws IllegalStateException if another server is open in this JVM or libchdb is
	 * not installed
	 */
	public static ChdbHttpServer start(Path dataDir) {
		return start(dataDir, true);
	}

	/**
	 * The JVM-wide server over a temporary directory, started on first use and stopped
	 * (its directory deleted) when the JVM exits. {@link #close()} on it does nothing.
	 */
	public static synchronized ChdbHttpServer shared() {
		ChdbHttpServer server = shared;
		if (server == null) {
			try {
				Path dir = Files.createTempDirectory("faultline-chdb-");
				server = start(dir, false);
				ChdbHttpServer started = server;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					started.stop();
					deleteRecursively(dir);
				}, "chdb-shared-shutdown"));
				shared = server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

	private static ChdbHttpServer start(Path dataDir, boolean closable) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChdbEngine engine = ChdbEngine.open(dataDir, THREADS);
		try {
			// TCP_NODELAY on accepted connections: the JDK server writes headers and body
			// separately, and Nagle's algorithm against the client's delayed ACK added
			// ~40 ms to every request (SELECT 1 took 47 ms, now 3 ms). The JDK reads the
			// property once, when its first HTTP server starts.
			System.setProperty(NODELAY_PROPERTY, System.getProperty(NODELAY_PROPERTY, "true"));
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			AtomicInteger threadIds = new AtomicInteger();
			ExecutorService executor = Executors.newFixedThreadPool(THREADS, (task) -> {
				Thread thread = new Thread(task, "chdb-http-" + threadIds.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			http.setExecutor(executor);
			http.createContext("/", new ClickHouseHttpHandler(engine));
			http.start();
			return new ChdbHttpServer(engine, http, executor, closable);
		}
		catch (IOException | RuntimeException ex) {
			engine.close();
			if (ex instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw (RuntimeException) ex;
		}
	}

	/**
	 * The base URL clients connect to, e.g. {@code http://127.0.0.1:41234}.
	 */
	public String endpoint() {
		return "http://" + this.http.getAddress().getAddress().getHostAddress() + ":" + port();
	}

	public int port() {
		return this.http.getAddress().getPort();
	}

	/**
	 * The data directory the engine keeps its databases in.
	 */
	public Path dataDir() {
		return this.engine.directory();
	}

	/**
	 * Stops serving and closes the engine (a no-op for {@link #shared()}); data stays on
	 * disk.
	 */
	@Override
	public void close() {
		if (this.closable) {
			stop();
		}
	}

	private synchronized void stop() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.http.stop(0);
		this.executor.shutdown();
		try {
			// Sessions must not close under a running statement.
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.engine.close();
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort at JVM exit: a leftover temp directory is harmless.
		}
	}

}
