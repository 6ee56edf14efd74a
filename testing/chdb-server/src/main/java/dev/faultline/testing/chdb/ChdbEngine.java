package dev.faultline.testing.chdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The in-process ClickHouse engine over one data directory, with a small pool of
 * sessions.
 *
 * <p>
 * libchdb serves one data directory per process: connecting to another path needs every
 * connection closed first, and a second process gets "Cannot lock file …/status". So at
 * most one engine is open per JVM; {@link #open} fails clearly otherwise.
 */
final class ChdbEngine implements AutoCloseable {

	private static @Nullable Path openDirectory;

	private final Path directory;

	private final List<ChdbSession> sessions;

	private final BlockingQueue<ChdbSession> idle;

	private final String timezone;

	private final String version;

	private ChdbEngine(Path directory, List<ChdbSession> sessions, String timezone, String version) {
		this.directory = directory;
		this.sessions = sessions;
		this.idle = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
		this.timezone = timezone;
		this.version = version;
	}

	static synchronized ChdbEngine open(Path directory, int sessionCount) {
		Path dir = directory.toAbsolutePath().normalize();
		if (openDirectory != null) {
			throw new IllegalStateException("libchdb already serves " + openDirectory + " in this JVM; it serves "
					+ "one data directory per process. Close that server first, or share it "
					+ "(ChdbHttpServer.shared()) and isolate tests by database.");
		}
		HostStandardInput.detach();
		LibChdb library = ChdbLibrary.get();
		List<ChdbSession> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < sessionCount; i++) {
				sessions.add(ChdbSession.connect(library, "--path=" + dir));
			}
			String[] facts = new String(
					sessions.get(0).execute("SELECT timezone(), version()", "TSVRaw", Map.of()).data(),
					StandardCharsets.UTF_8)
				.strip()
				.split("\t");
			openDirectory = dir;
			return new ChdbEngine(dir, sessions, facts[0], facts[1]);
		}
		catch (RuntimeException ex) {
			sessions.forEach(ChdbSession::close);
			throw ex;
		}
	}

	/**
	 * Runs {@code work} on an idle session whose current database is {@code database}.
	 */
	<T> T withSession(@Nullable String database, Function<ChdbSession, T> work) {
		ChdbSession session;
		try {
			session = this.idle.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ChdbException(394, "Code: 394. DB::Exception: Interrupted while waiting for a session");
		}
		try {
			if (database != null && !database.isEmpty()) {
				session.use(database);
			}
			return work.apply(session);
		}
		finally {
			this.idle.add(session);
		}
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * The engine's time zone, as ClickHouse reports it in {@code X-ClickHouse-Timezone}.
	 */
	String timezone() {
		return this.timezone;
	}

	String version() {
		return this.version;
	}

	@Override
	public void close() {
		synchronized (ChdbEngine.class) {
			if (this.directory.equals(openDirectory)) {
				this.sessions.forEach(ChdbSession::close);
				openDirectory = null;
			}
		}
	}

}
