package dev.faultline.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.faultline.storage.jdbc.JdbcDatabase;
import dev.faultline.storage.jdbc.MetadataAccessException;
import dev.faultline.storage.jdbc.SqlWork;
import dev.faultline.storage.jdbc.Transactions;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite database file: a single write connection guarded by a lock, and a small
 * fixed set of read-only connections.
 *
 * <p>
 * SQLite allows one writer at a time and answers a second one with {@code SQLITE_BUSY};
 * serializing writes here means threads of this process queue on the lock instead.
 * {@code busy_timeout} remains for other processes on the same file (backup tools, the
 * sqlite3 shell). Write transactions begin {@code IMMEDIATE}, taking the file's write
 * lock up front rather than upgrading a read lock, which can fail without waiting.
 *
 * <p>
 * The journal is WAL, so readers never block the writer or each other, and a read sees
 * every transaction committed before it began. {@code synchronous=FULL} makes every
 * commit durable across power loss, not only across a process crash: the ingest path has
 * already acknowledged the events that these counters describe.
 */
final class SqliteDatabase implements JdbcDatabase {

	private static final int BUSY_TIMEOUT_MILLIS = 10_000;

	private static final long READER_WAIT_SECONDS = 30;

	private final ReentrantLock writeLock = new ReentrantLock();

	private final Connection writer;

	private final BlockingQueue<Connection> readers;

	private final List<Connection> all = new ArrayList<>();

	private volatile boolean closed;

	private SqliteDatabase(String url, int readerCount) throws SQLException {
		this.readers = new ArrayBlockingQueue<>(readerCount);
		try {
			this.writer = open(url, false);
			this.all.add(this.writer);
			for (int i = 0; i < readerCount; i++) {
				Connection reader = open(url, true);
				this.all.add(reader);
				this.readers.add(reader);
			}
		}
		catch (SQLException | RuntimeException ex) {
			closeAll(ex);
			throw ex;
		}
	}

	/**
	 * Opens the file (creating it when missing), switching it to WAL.
	 */
	static SqliteDatabase open(String url, int readerCount) {
		try {
			return new SqliteDatabase(url, readerCount);
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("cannot open SQLite database " + url, ex);
		}
	}

	/**
	 * The pragmas every connection of the file uses, including Flyway's.
	 */
	static SQLiteConfig config() {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
		config.enforceForeignKeys(true);
		config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		return config;
	}

	private static Connection open(String url, boolean readOnly) throws SQLException {
		Connection connection = config().createConnection(url);
		if (readOnly) {
			try (Statement statement = connection.createStatement()) {
				// query_only rather than a read-only open: a read-only connection cannot
				// create the WAL index when it is the first to open the file.
				statement.execute("PRAGMA query_only = ON");
			}
		}
		return connection;
	}

	@Override
	public <T> T read(SqlWork<T> work) {
		Connection connection = borrowReader();
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("metadata read failed", ex);
		}
		finally {
			this.readers.add(connection);
		}
	}

	@Override
	public <T> T write(SqlWork<T> work) {
		this.writeLock.lock();
		try {
			ensureOpen();
			return Transactions.inTransaction(this.writer, work);
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("metadata write failed", ex);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	@Override
	public boolean isHealthy() {
		if (this.closed) {
			return false;
		}
		try {
			return read((connection) -> {
				try (Statement statement = connection.createStatement()) {
					return statement.execute("SELECT 1");
				}
			});
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		// Taking the write lock lets a running write transaction finish first.
		this.writeLock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			closeAll(null);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	private Connection borrowReader() {
		ensureOpen();
		try {
			Connection connection = this.readers.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
			if (connection == null) {
				throw new MetadataAccessException("no SQLite read connection became free", new SQLException("timeout"));
			}
			return connection;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MetadataAccessException("interrupted waiting for a SQLite read connection", ex);
		}
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new MetadataAccessException("metadata database is closed", new SQLException("closed"));
		}
	}

	private void closeAll(@Nullable Exception primary) {
		for (Connection connection : this.all) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				if (primary != null) {
					primary.addSuppressed(ex);
				}
			}
		}
	}

}
