package dev.faultline.queue.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.faultline.storage.backup.OnlineBackup;
import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.PartitionLag;
import dev.faultline.storage.queue.QueueFullException;
import dev.faultline.storage.queue.QueueUnavailableException;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link EnvelopeQueue}: a table in one SQLite file, for the single-process
 * shape.
 *
 * <ul>
 * <li><b>Durability.</b> {@link #publish} returns once the transaction holding the
 * envelope committed with {@code synchronous=FULL} in WAL mode, i.e. was fsynced: it
 * survives {@code kill -9} and power loss.</li>
 * <li><b>Group commit.</b> One writer thread gathers all publishes (and offset commits)
 * that arrive while the previous transaction commits into the next one, so concurrent
 * ingest threads share fsyncs.</li>
 * <li><b>Order.</b> Envelopes are delivered in publish order overall (hence per project);
 * the position of a record is its row id.</li>
 * <li><b>Groups.</b> A group's committed position is a row of the file. A group starts at
 * the earliest retained envelope. The embedded queue serves <em>one open consumer per
 * group</em>; opening a second one throws {@link IllegalStateException}.</li>
 * <li><b>Retention and backlog.</b> Envelopes committed by every group that ever opened a
 * consumer on this file are deleted when offsets are committed (their pages are reused,
 * so the file stops growing). {@code maxBacklog} bounds the envelopes retained; at
 * capacity {@link #publish} throws {@link QueueFullException}. A group that is abandoned
 * for good therefore holds retention back until it is removed from
 * {@code consumer_group}.</li>
 * <li><b>At rest.</b> Deleted envelopes are overwritten, and when the consumers have
 * caught up the file shrinks and its log is truncated: a processed payload is not
 * recoverable from the files (see {@link SqliteQueueDatabase}). Files are
 * owner-only.</li>
 * <li><b>Processes.</b> One process owns a queue file; a second one fails to open
 * it.</li>
 * </ul>
 * Thread-safe. Failures to write surface as {@link QueueUnavailableException}; the
 * constructor fails with {@link IllegalStateException} when the file cannot be opened.
 */
public class SqliteEnvelopeQueue implements EnvelopeQueue, OnlineBackup {

	private static final System.Logger LOG = System.getLogger(SqliteEnvelopeQueue.class.getName());

	/** How long publish and commit wait for their transaction before giving up. */
	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	private static final String INSERT = """
			INSERT INTO envelope
			  (project_id, public_key, received_at_seconds, received_at_nanos, client_ip, user_agent, body)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private static final String LAG = """
			SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'envelope'), 0),
			       (SELECT committed_id FROM consumer_group WHERE name = ?),
			       (SELECT min(id) FROM envelope)""";

	private final Path databaseFile;

	private final FileChannel lockChannel;

	private final FileLock processLock;

	private final Backlog backlog;

	private final NewRecordSignal signal = new NewRecordSignal();

	private final GroupCommitWriter writer;

	private final Set<SqliteEnvelopeConsumer> consumers = ConcurrentHashMap.newKeySet();

	private final Set<String> openGroups = ConcurrentHashMap.newKeySet();

	private final Object maintenanceLock = new Object();

	/** Truncates the log once the consumers caught up; used under its lock. */
	private @Nullable Connection maintenance;

	private volatile boolean closed;

	/**
	 * Opens (or creates) the queue file.
	 * @param databaseFile the SQLite file; its directory is created when missing
	 * @param maxBacklog how many envelopes the file may retain before publish refuses
	 */
	public SqliteEnvelopeQueue(Path databaseFile, long maxBacklog) {
		this.databaseFile = databaseFile.toAbsolutePath();
		try {
			SqliteQueueDatabase.createOwnerOnly(this.databaseFile);
			Path lockFile = this.databaseFile.resolveSibling(this.databaseFile.getFileName() + ".lock");
			SqliteQueueDatabase.createOwnerOnly(lockFile);
			this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot open embedded queue " + this.databaseFile, ex);
		}
		this.processLock = lockProcess();
		Connection connection = null;
		try {
			connection = SqliteQueueDatabase.open(this.databaseFile);
			SqliteQueueDatabase.createSchema(connection);
			this.backlog = new Backlog(maxBacklog, count(connection));
			this.maintenance = SqliteQueueDatabase.open(this.databaseFile);
			this.writer = new GroupCommitWriter(connection, this.signal::signal,
					"faultline-queue-writer-" + this.databaseFile.getFileName());
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			closeQuietly(this.maintenance);
			releaseProcessLock();
			throw (ex instanceof IllegalArgumentException iae) ? iae
					: new IllegalStateException("cannot open embedded queue " + this.databaseFile, ex);
		}
	}

	@Override
	public void publish(QueuedEnvelope envelope) {
		if (this.closed) {
			throw new QueueUnavailableException("embedded queue is closed", null);
		}
		if (!this.backlog.tryReserve()) {
			throw new QueueFullException(
					"embedded queue holds " + this.backlog.capacity() + " unprocessed envelopes (maxBacklog)");
		}
		CompletableFuture<Long> written = this.writer.submit(envelope.body().length, (connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				insert.setLong(1, envelope.projectId());
				insert.setString(2, envelope.publicKey());
				insert.setLong(3, envelope.receivedAt().getEpochSecond());
				insert.setInt(4, envelope.receivedAt().getNano());
				insert.setString(5, envelope.clientIp());
				insert.setString(6, envelope.userAgent());
				insert.setBytes(7, envelope.body());
				return (long) insert.executeUpdate();
			}
		});
		written.whenComplete((rows, failure) -> {
			if (failure != null) {
				this.backlog.release(1);
			}
		});
		await(written, "publishing to");
	}

	@Override
	public EnvelopeConsumer consumer(String group) {
		if (group.isBlank()) {
			throw new IllegalArgumentException("group must not be blank");
		}
		if (this.closed) {
			throw new QueueUnavailableException("embedded queue is closed", null);
		}
		if (!this.openGroups.add(group)) {
			throw new IllegalStateException(
					"group " + group + " already has an open consumer; the embedded queue serves one per group");
		}
		Connection reader = null;
		try {
			long committedId = await(this.writer.submit(0, (connection) -> register(connection, group)),
					"registering a group in");
			reader = SqliteQueueDatabase.open(this.databaseFile);
			SqliteEnvelopeConsumer consumer = new SqliteEnvelopeConsumer(group, committedId, reader, this.signal,
					this::commitOffset, this::closed);
			this.consumers.add(consumer);
			return consumer;
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(reader);
			this.openGroups.remove(group);
			throw (ex instanceof QueueUnavailableException qae) ? qae
					: new QueueUnavailableException("opening a consumer of the embedded queue failed", ex);
		}
	}

	/** The writer, for tests of group commit. */
	GroupCommitWriter writer() {
		return this.writer;
	}

	@Override
	public boolean isHealthy() {
		return !this.closed && this.writer.isHealthy();
	}

	/**
	 * One partition, numbered 0. Record ids count from 1, so the record with id {@code n}
	 * sits at offset {@code n - 1}: the end offset is the newest id ever given, and a
	 * group's committed offset is its committed id.
	 */
	@Override
	public List<PartitionLag> lag(String group) {
		synchronized (this.maintenanceLock) {
			if (this.closed || this.maintenance == null) {
				throw new QueueUnavailableException("embedded queue is closed", null);
			}
			try (PreparedStatement select = this.maintenance.prepareStatement(LAG)) {
				select.setString(1, group);
				try (ResultSet row = select.executeQuery()) {
					row.next();
					long end = row.getLong(1);
					long committed = row.getLong(2);
					if (row.wasNull()) {
						long earliest = row.getLong(3);
						committed = row.wasNull() ? end : earliest - 1;
					}
					return List.of(new PartitionLag(0, end, Math.min(end, committed)));
				}
			}
			catch (SQLException ex) {
				throw new QueueUnavailableException("reading the embedded queue's lag failed", ex);
			}
		}
	}

	/**
	 * {@code VACUUM INTO} on the maintenance connection: one read snapshot of the
	 * envelopes and group offsets (publishers and consumers go on meanwhile), compacted
	 * into a new owner-only file.
	 */
	@Override
	public void backupTo(Path target) {
		Path file = target.toAbsolutePath();
		if (Files.exists(file)) {
			throw new IllegalArgumentException("backup target " + file + " exists already");
		}
		synchronized (this.maintenanceLock) {
			if (this.closed || this.maintenance == null) {
				throw new QueueUnavailableException("embedded queue is closed", null);
			}
			try {
				SqliteQueueDatabase.createOwnerOnly(file);
				try (PreparedStatement vacuum = this.maintenance.prepareStatement("VACUUM INTO ?")) {
					vacuum.setString(1, file.toString());
					vacuum.execute();
				}
			}
			catch (SQLException | IOException ex) {
				throw new QueueUnavailableException("backing up the embedded queue to " + file + " failed", ex);
			}
		}
	}

	/** Envelopes retained in the file, including those being written; for metrics. */
	public long backlog() {
		return this.backlog.used();
	}

	/**
	 * Closes open consumers, finishes writes already submitted, and releases the file.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List.copyOf(this.consumers).forEach(SqliteEnvelopeConsumer::close);
		this.writer.close();
		synchronized (this.maintenanceLock) {
			closeQuietly(this.maintenance);
			this.maintenance = null;
		}
		releaseProcessLock();
	}

	private void commitOffset(String group, long lastId) {
		Retention retention = await(this.writer.submit(0, (connection) -> {
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE consumer_group SET committed_id = max(committed_id, ?) WHERE name = ?")) {
				update.setLong(1, lastId);
				update.setString(2, group);
				update.executeUpdate();
			}
			// Retention: what every known group committed is never read again.
			try (Statement statement = connection.createStatement()) {
				long deleted = statement
					.executeUpdate("DELETE FROM envelope WHERE id <= (SELECT min(committed_id) FROM consumer_group)");
				boolean drained = false;
				if (deleted > 0) {
					try (ResultSet left = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM envelope)")) {
						drained = left.next() && !left.getBoolean(1);
					}
					if (drained) {
						SqliteQueueDatabase.reclaim(connection);
					}
				}
				return new Retention(deleted, drained);
			}
		}), "committing to");
		this.backlog.release(retention.deleted());
		if (retention.drained()) {
			truncateLog();
		}
	}

	/**
	 * Once everything was processed, the log still holds the frames of the processed
	 * payloads: truncating it is the last step of removing them, and what makes the file
	 * shrink. Under a steady backlog the log is recycled by SQLite's own checkpoints
	 * instead.
	 */
	private void truncateLog() {
		synchronized (this.maintenanceLock) {
			if (this.maintenance == null) {
				return;
			}
			try {
				SqliteQueueDatabase.truncateLog(this.maintenance);
			}
			catch (SQLException ex) {
				// Busy or failing: the next drain tries again; nothing is lost.
				LOG.log(System.Logger.Level.DEBUG, "truncating the embedded queue log failed", ex);
			}
		}
	}

	private record Retention(long deleted, boolean drained) {
	}

	private void closed(SqliteEnvelopeConsumer consumer) {
		this.consumers.remove(consumer);
		this.openGroups.remove(consumer.group());
	}

	private static long register(Connection connection, String group) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO consumer_group (name, committed_id) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
			insert.setString(1, group);
			insert.executeUpdate();
		}
		try (PreparedStatement select = connection
			.prepareStatement("SELECT committed_id FROM consumer_group WHERE name = ?")) {
			select.setString(1, group);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static long count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT count(*) FROM envelope")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static <T> T await(CompletableFuture<T> write, String action) {
		try {
			return write.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof QueueUnavailableException unavailable) {
				throw unavailable;
			}
			throw new QueueUnavailableException(action + " the embedded queue failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new QueueUnavailableException(action + " the embedded queue timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueueUnavailableException(action + " the embedded queue was interrupted", ex);
		}
	}

	private FileLock lockProcess() {
		try {
			FileLock lock = this.lockChannel.tryLock();
			if (lock == null) {
				closeQuietly(this.lockChannel);
				throw new IllegalStateException("embedded queue " + this.databaseFile + " is used by another process");
			}
			return lock;
		}
		catch (IOException | OverlappingFileLockException ex) {
			closeQuietly(this.lockChannel);
			throw new IllegalStateException("embedded queue " + this.databaseFile + " is already open", ex);
		}
	}

	private void releaseProcessLock() {
		try {
			this.processLock.release();
		}
		catch (IOException ex) {
			// Closing the channel below releases the lock as well.
		}
		closeQuietly(this.lockChannel);
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Already failing or closing; the original outcome matters more.
		}
	}

}
