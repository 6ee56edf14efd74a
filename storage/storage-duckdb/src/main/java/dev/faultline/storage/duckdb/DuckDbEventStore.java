package dev.faultline.storage.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import dev.faultline.query.Cursor;
import dev.faultline.query.Datasets;
import dev.faultline.query.Page;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventNeighbours;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.events.QueryEventAggregates;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.QueryRowSink;
import dev.faultline.storage.events.TagFacet;
import dev.faultline.storage.events.TagKeyCount;
import dev.faultline.storage.events.TagValueCount;
import dev.faultline.storage.sql.QueryCompiler;
import dev.faultline.storage.sql.SqlFragment;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link EventStore}: one DuckDB database file, opened read-write by exactly
 * one process (DuckDB locks the file; a second process fails to open it).
 *
 * <p>
 * Writes go through DuckDB's Appender into a per-connection staging table and are then
 * moved with {@code INSERT OR IGNORE} in one transaction, which keeps bulk writes fast
 * and makes them idempotent on the primary key {@code (project_id, event_id)}; the first
 * stored copy of an event wins. Thread-safe: the writing connection is used under one
 * lock (DuckDB connections are not safe for concurrent use, and the event store's work is
 * short); the query role reads on connections of its own ({@link DuckDbReaders}), so a
 * Discover question never waits for, or holds up, a write. Failures surface as
 * {@link DuckDbAccessException}.
 */
public final class DuckDbEventStore implements EventStore {

	private static final String COLUMNS = "project_id, event_id, issue_id, timestamp, received_at, platform, level, "
			+ "title, culprit, message, release, environment, transaction_name, trace_id, tags, has_user, user_id, "
			+ "user_username, user_email, user_ip_address, primary_hash, grouping_variant, payload";

	private static final String SELECT = "SELECT project_id, event_id, issue_id, epoch_ms(timestamp), "
			+ "epoch_ms(received_at), platform, level, title, culprit, message, release, environment, "
			+ "transaction_name, trace_id, tags, has_user, user_id, user_username, user_email, user_ip_address, "
			+ "primary_hash, grouping_variant, payload FROM events ";

	private static final QueryCompiler COMPILER = new QueryCompiler(new DuckDbSqlDialect());

	/** Queries that may run at once, each on a connection of its own. */
	private static final int READERS = 4;

	private static final String NEWEST_FIRST = " ORDER BY timestamp DESC, event_id DESC";

	private final ReentrantLock lock = new ReentrantLock();

	private final Path databaseFile;

	private final DuckDBConnection connection;

	private final EventAggregates aggregates = new QueryEventAggregates(this);

	private final DuckDbSpanStore spans = new DuckDbSpanStore(this);

	private final DuckDbSessionStore sessions = new DuckDbSessionStore(this);

	private boolean closed;

	/** The connections Discover and every other query read on; see DuckDbReaders. */
	private final DuckDbReaders readers;

	private DuckDbEventStore(Path databaseFile, DuckDBConnection connection) throws SQLException {
		this.databaseFile = databaseFile;
		this.connection = connection;
		this.readers = new DuckDbReaders(connection, READERS, COMPILER);
	}

	/**
	 * Opens (creating if needed) the event database at {@code databaseFile} and brings
	 * its schema up to date.
	 * @throws DuckDbAccessException if the file cannot be opened, e.g. because another
	 * process holds it
	 */
	public static DuckDbEventStore open(Path databaseFile) {
		Path file = databaseFile.toAbsolutePath();
		try {
			// Columns are zone-less TIMESTAMPs holding UTC and are read back with
			// epoch_ms(),
			// so neither the JVM's nor the engine's time zone can shift an instant.
			DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
			try {
				DuckDbSchema.migrate(connection);
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE TEMP TABLE events_staging AS SELECT " + COLUMNS + " FROM events LIMIT 0");
					DuckDbSpanStore.createStaging(statement);
					DuckDbSessionStore.createStaging(statement);
				}
				return new DuckDbEventStore(file, connection);
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException("Cannot open event database " + file, ex);
		}
	}

	@Override
	public void write(List<StoredEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		// INSERT OR IGNORE resolves conflicts with stored rows; duplicates inside one
		// batch
		// are dropped here so the first copy wins there too.
		Map<String, StoredEvent> unique = new LinkedHashMap<>();
		for (StoredEvent event : events) {
			unique.putIfAbsent(event.projectId() + ":" + event.eventId(), event);
		}
		this.lock.lock();
		try {
			ensureOpen();
			this.connection.setAutoCommit(false);
			try {
				try (DuckDBAppender appender = this.connection.createAppender("temp", "main", "events_staging")) {
					for (StoredEvent event : unique.values()) {
						append(appender, event);
					}
				}
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("INSERT OR IGNORE INTO events (" + COLUMNS + ") SELECT " + COLUMNS
							+ " FROM events_staging");
					statement.execute("DELETE FROM events_staging");
				}
				this.connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException("Cannot write " + unique.size() + " events", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Optional<StoredEvent> find(long projectId, String eventId) {
		List<StoredEvent> found = query(SELECT + "WHERE project_id = ? AND event_id = ?", projectId, eventId);
		return found.stream().findFirst();
	}

	@Override
	public Page<StoredEvent> listByIssue(long projectId, long issueId, @Nullable EventSearch search, Cursor cursor,
			int limit) {
		return list(projectId, issueId, search, cursor, limit);
	}

	@Override
	public Page<StoredEvent> listByProject(long projectId, @Nullable EventSearch search, Cursor cursor, int limit) {
		return list(projectId, null, search, cursor, limit);
	}

	/**
	 * A page of the project's events, or of one issue's.
	 */
	private Page<StoredEvent> list(long projectId, @Nullable Long issueId, @Nullable EventSearch search, Cursor cursor,
			int limit) {
		EventReader.checkListing(limit);
		SqlFragment filter = COMPILER.where(Datasets.ERRORS, (search != null) ? search.conditions() : List.of(),
				ISSUE_EVENT_ORDER, cursor);
		List<Object> parameters = new ArrayList<>(List.of(projectId));
		if (issueId != null) {
			parameters.add(issueId);
		}
		parameters.addAll(filter.parameters());
		parameters.add(limit + 1);
		parameters.add(cursor.offset());
		// A backward page reads the events just newer than the cursor's, oldest first.
		String order = (cursor.keyed() && cursor.previous()) ? " ORDER BY timestamp ASC, event_id ASC" : NEWEST_FIRST;
		String issue = (issueId != null) ? " AND issue_id = ?" : "";
		List<StoredEvent> read = query(
				SELECT + "WHERE project_id = ?" + issue + " AND (" + filter.sql() + ")" + order + " LIMIT ? OFFSET ?",
				parameters.toArray());
		return EventReader.issueEventPage(cursor, limit, read);
	}

	@Override
	public Optional<StoredEvent> latest(long projectId, long issueId) {
		return query(SELECT + "WHERE project_id = ? AND issue_id = ?" + NEWEST_FIRST + " LIMIT 1", projectId, issueId)
			.stream()
			.findFirst();
	}

	@Override
	public Optional<StoredEvent> oldest(long projectId, long issueId) {
		return query(SELECT + "WHERE project_id = ? AND issue_id = ? ORDER BY timestamp ASC, event_id ASC LIMIT 1",
				projectId, issueId)
			.stream()
			.findFirst();
	}

	@Override
	public EventNeighbours neighbours(long projectId, long issueId, Instant timestamp, String eventId) {
		long at = timestamp.toEpochMilli();
		// epoch_ms(BIGINT) turns the bound milliseconds into the column's TIMESTAMP, so
		// the comparison stays on the column (zone maps apply).
		String where = "FROM events WHERE project_id = ? AND issue_id = ? AND ";
		String sql = "SELECT 'previous', event_id FROM (SELECT event_id " + where
				+ "(timestamp < epoch_ms(?::BIGINT) OR (timestamp = epoch_ms(?::BIGINT) AND event_id < ?)) "
				+ "ORDER BY timestamp DESC, event_id DESC LIMIT 1) UNION ALL "
				+ "SELECT 'next', event_id FROM (SELECT event_id " + where
				+ "(timestamp > epoch_ms(?::BIGINT) OR (timestamp = epoch_ms(?::BIGINT) AND event_id > ?)) "
				+ "ORDER BY timestamp ASC, event_id ASC LIMIT 1)";
		Map<String, String> found = new HashMap<>();
		run(sql, (rows) -> found.put(rows.getString(1), rows.getString(2)), projectId, issueId, at, at, eventId,
				projectId, issueId, at, at, eventId);
		return new EventNeighbours(found.get("previous"), found.get("next"));
	}

	@Override
	public Map<Long, List<Long>> countByIssue(long projectId, List<Long> issueIds, Instant from, Instant to,
			Duration bucket, EventSearch filter) {
		return this.aggregates.countByIssue(projectId, issueIds, from, to, bucket, filter);
	}

	@Override
	public List<Long> findIssueIds(List<Long> projectIds, EventSearch search, int limit) {
		return this.aggregates.findIssueIds(projectIds, search, limit);
	}

	@Override
	public List<TagFacet> tagFacets(long projectId, long issueId, @Nullable String key, int topValues) {
		return this.aggregates.tagFacets(projectId, issueId, key, topValues);
	}

	@Override
	public Map<String, List<Long>> countByTagValue(long projectId, long issueId, String key, List<String> values,
			Instant from, Instant to, Duration bucket) {
		return this.aggregates.countByTagValue(projectId, issueId, key, values, from, to, bucket);
	}

	@Override
	public List<TagKeyCount> tagKeys(List<Long> projectIds, Instant since, int limit) {
		return this.aggregates.tagKeys(projectIds, since, limit);
	}

	@Override
	public List<TagValueCount> tagValues(List<Long> projectIds, String key, String prefix, Instant since, int limit) {
		return this.aggregates.tagValues(projectIds, key, prefix, since, limit);
	}

	@Override
	public QueryResult run(Query query, QueryLimits limits) {
		ensureOpen();
		return this.readers.run(query, limits);
	}

	@Override
	public @Nullable Cursor stream(Query query, QueryLimits limits, QueryRowSink sink) {
		ensureOpen();
		return this.readers.stream(query, limits, sink);
	}

	@Override
	public void moveEvents(long projectId, long fromIssueId, @Nullable Set<String> primaryHashes, long toIssueId) {
		if (fromIssueId == toIssueId || (primaryHashes != null && primaryHashes.isEmpty())) {
			return;
		}
		List<Object> parameters = new ArrayList<>(List.of(toIssueId, projectId, fromIssueId));
		String onlyHashes = "";
		if (primaryHashes != null) {
			onlyHashes = " AND primary_hash IN (" + String.join(", ", Collections.nCopies(primaryHashes.size(), "?"))
					+ ")";
			parameters.addAll(primaryHashes);
		}
		update("UPDATE events SET issue_id = ? WHERE project_id = ? AND issue_id = ?" + onlyHashes,
				"Cannot move the events of issue " + fromIssueId + " to " + toIssueId, parameters.toArray());
	}

	@Override
	public void deleteIssueEvents(long projectId, long issueId) {
		update("DELETE FROM events WHERE project_id = ? AND issue_id = ?",
				"Cannot delete the events of issue " + issueId, projectId, issueId);
	}

	@Override
	public void deleteOlderThan(Instant cutoff) {
		this.lock.lock();
		try {
			ensureOpen();
			try (PreparedStatement statement = this.connection
				.prepareStatement("DELETE FROM events WHERE timestamp < epoch_ms(?::BIGINT)")) {
				statement.setLong(1, cutoff.toEpochMilli());
				statement.executeUpdate();
			}
			DuckDbSpanStore.deleteOlderThan(this.connection, cutoff);
			DuckDbSessionStore.deleteOlderThan(this.connection, cutoff);
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException("Cannot delete events older than " + cutoff, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean isHealthy() {
		if (!this.lock.tryLock()) {
			// Busy with a write: the engine is answering.
			return !this.closed;
		}
		try {
			if (this.closed) {
				return false;
			}
			try (Statement statement = this.connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT 1")) {
				return rows.next();
			}
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Copies every table into a new DuckDB file ({@code COPY FROM DATABASE}) under the
	 * store's lock, so the copy is one consistent state: writes wait for the copy's
	 * duration. A failed copy is detached and its file removed.
	 */
	void copyTo(Path target) {
		Path file = target.toAbsolutePath();
		if (Files.exists(file)) {
			throw new IllegalArgumentException("backup target " + file + " exists already");
		}
		this.lock.lock();
		try (Statement statement = this.connection.createStatement()) {
			ensureOpen();
			String source;
			try (ResultSet row = statement.executeQuery("SELECT current_database()")) {
				row.next();
				source = row.getString(1);
			}
			// ATTACH takes no bound parameter: the path (from the server's own settings,
			// never from a client) is quoted as a string literal.
			statement.execute("ATTACH '" + file.toString().replace("'", "''") + "' AS faultline_backup");
			try {
				statement.execute("COPY FROM DATABASE \"" + source.replace("\"", "\"\"") + "\" TO faultline_backup");
			}
			finally {
				statement.execute("DETACH faultline_backup");
			}
		}
		catch (SQLException ex) {
			try {
				Files.deleteIfExists(file);
				Files.deleteIfExists(Path.of(file + ".wal"));
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new DuckDbAccessException("Cannot copy event database " + this.databaseFile + " to " + file, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.readers.close();
			// Fold the WAL into the file so the next open does not replay it.
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("CHECKPOINT");
			}
			this.connection.close();
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException("Cannot close event database " + this.databaseFile, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Runs a write under the lock.
	 */
	private void update(String sql, String failure, Object... parameters) {
		this.lock.lock();
		try {
			ensureOpen();
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					statement.setObject(i + 1, parameters[i]);
				}
				statement.executeUpdate();
			}
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException(failure, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	private List<StoredEvent> query(String sql, Object... parameters) {
		List<StoredEvent> events = new ArrayList<>();
		run(sql, (rows) -> events.add(read(rows)), parameters);
		return events;
	}

	/**
	 * The spans role, on this store's connection and lock.
	 */
	DuckDbSpanStore spans() {
		return this.spans;
	}

	/**
	 * The sessions role, on this store's connection and lock.
	 */
	DuckDbSessionStore sessions() {
		return this.sessions;
	}

	/**
	 * Runs work in one transaction under the lock, rolling back on failure.
	 */
	void inTransaction(String failure, ConnectionWork work) {
		this.lock.lock();
		try {
			ensureOpen();
			this.connection.setAutoCommit(false);
			try {
				work.run(this.connection);
				this.connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				this.connection.rollback();
				throw ex;
			}
			finally {
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException(failure, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Runs a read under the lock, handing each row to the consumer.
	 */
	private void run(String sql, RowConsumer consumer, Object... parameters) {
		read("Cannot read events", sql, consumer, parameters);
	}

	/**
	 * Runs a read under the lock, handing each row to the consumer; a failure names
	 * {@code failure}.
	 */
	void read(String failure, String sql, RowConsumer consumer, Object... parameters) {
		this.lock.lock();
		try {
			ensureOpen();
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					statement.setObject(i + 1, parameters[i]);
				}
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						consumer.accept(rows);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new DuckDbAccessException(failure, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@FunctionalInterface
	interface RowConsumer {

		void accept(ResultSet row) throws SQLException;

	}

	@FunctionalInterface
	interface ConnectionWork {

		void run(DuckDBConnection connection) throws SQLException;

	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("Event store is closed: " + this.databaseFile);
		}
	}

	private static void append(DuckDBAppender appender, StoredEvent event) throws SQLException {
		EventUser user = event.user();
		appender.beginRow()
			.append(event.projectId())
			.append(event.eventId())
			.append(event.issueId())
			.append(utc(event.timestamp()))
			.append(utc(event.receivedAt()))
			.append(event.platform())
			.append(event.level())
			.append(event.title())
			.append(event.culprit())
			.append(event.message());
		appendNullable(appender, event.release());
		appendNullable(appender, event.environment());
		appendNullable(appender, event.transaction());
		appendNullable(appender, event.traceId());
		appender.append(event.tags());
		appender.append(user != null);
		appendNullable(appender, (user != null) ? user.id() : null);
		appendNullable(appender, (user != null) ? user.username() : null);
		appendNullable(appender, (user != null) ? user.email() : null);
		appendNullable(appender, (user != null) ? user.ipAddress() : null);
		appender.append(event.primaryHash()).append(event.groupingVariant()).append(event.payload()).endRow();
	}

	private static void appendNullable(DuckDBAppender appender, @Nullable String value) throws SQLException {
		if (value == null) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static StoredEvent read(ResultSet rows) throws SQLException {
		EventUser user = rows.getBoolean(16)
				? new EventUser(rows.getString(17), rows.getString(18), rows.getString(19), rows.getString(20)) : null;
		return new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3),
				Instant.ofEpochMilli(rows.getLong(4)), Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6),
				rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
				rows.getString(12), rows.getString(13), rows.getString(14), tags(rows.getObject(15)), user,
				rows.getString(21), rows.getString(22), rows.getString(23));
	}

	private static Map<String, String> tags(@Nullable Object value) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, tag) -> tags.put(String.valueOf(key), String.valueOf(tag)));
		}
		return tags;
	}

}
