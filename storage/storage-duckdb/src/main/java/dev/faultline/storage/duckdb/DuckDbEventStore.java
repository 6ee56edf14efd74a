package dev.faultline.storage.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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

import dev.faultline.core.search.DuckDbDialect;
import dev.faultline.core.search.EventFilterCompiler;
import dev.faultline.core.search.SearchParser;
import dev.faultline.core.search.SqlFragment;
import dev.faultline.storage.events.EventNeighbours;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.events.TagFacet;
import dev.faultline.storage.events.TagFacetRows;
import dev.faultline.storage.events.TagKeyCount;
import dev.faultline.storage.events.TagValueBuckets;
import dev.faultline.storage.events.TagValueCount;
import dev.faultline.storage.events.TimeBuckets;
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
 * stored copy of an event wins. Thread-safe: the single connection is used under one lock
 * (DuckDB connections are not safe for concurrent use, and the event store's work is
 * short). Failures surface as {@link DuckDbAccessException}.
 */
public final class DuckDbEventStore implements EventStore {

	private static final String COLUMNS = "project_id, event_id, issue_id, timestamp, received_at, platform, level, "
			+ "title, culprit, message, release, environment, transaction_name, trace_id, tags, has_user, user_id, "
			+ "user_username, user_email, user_ip_address, primary_hash, grouping_variant, payload";

	private static final String SELECT = "SELECT project_id, event_id, issue_id, epoch_ms(timestamp), "
			+ "epoch_ms(received_at), platform, level, title, culprit, message, release, environment, "
			+ "transaction_name, trace_id, tags, has_user, user_id, user_username, user_email, user_ip_address, "
			+ "primary_hash, grouping_variant, payload FROM events ";

	private static final EventFilterCompiler COMPILER = new EventFilterCompiler(new DuckDbDialect());

	private static final String NEWEST_FIRST = " ORDER BY timestamp DESC, event_id DESC";

	private final ReentrantLock lock = new ReentrantLock();

	private final Path databaseFile;

	private final DuckDBConnection connection;

	private boolean closed;

	private DuckDbEventStore(Path databaseFile, DuckDBConnection connection) {
		this.databaseFile = databaseFile;
		this.connection = connection;
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
	public List<StoredEvent> listByIssue(long projectId, long issueId, @Nullable EventSearch search, int offset,
			int limit) {
		if (offset < 0 || limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("offset must be >= 0 and limit 1 to 1000: " + offset + ", " + limit);
		}
		SqlFragment filter = filter(search);
		List<Object> parameters = new ArrayList<>(List.of(projectId, issueId));
		parameters.addAll(filter.parameters());
		parameters.add(limit);
		parameters.add(offset);
		return query(SELECT + "WHERE project_id = ? AND issue_id = ? AND (" + filter.sql() + ")" + NEWEST_FIRST
				+ " LIMIT ? OFFSET ?", parameters.toArray());
	}

	@Override
	public Optional<StoredEvent> latest(long projectId, long issueId) {
		return listByIssue(projectId, issueId, 0, 1).stream().findFirst();
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
			Duration bucket) {
		TimeBuckets buckets = new TimeBuckets(issueIds, from, to, bucket);
		if (issueIds.isEmpty()) {
			return buckets.result();
		}
		// One bound placeholder per issue id: values are never SQL text.
		String ids = String.join(", ", Collections.nCopies(issueIds.size(), "?"));
		String sql = "SELECT issue_id, (epoch_ms(timestamp) - ?) // ? AS bucket, count(*) FROM events "
				+ "WHERE project_id = ? AND issue_id IN (" + ids + ") "
				+ "AND timestamp >= epoch_ms(?::BIGINT) AND timestamp < epoch_ms(?::BIGINT) GROUP BY issue_id, bucket";
		List<Object> parameters = new ArrayList<>();
		parameters.add(buckets.fromMillis());
		parameters.add(buckets.bucketMillis());
		parameters.add(projectId);
		parameters.addAll(issueIds);
		parameters.add(from.toEpochMilli());
		parameters.add(to.toEpochMilli());
		run(sql, (rows) -> buckets.add(rows.getLong(1), rows.getLong(2), rows.getLong(3)), parameters.toArray());
		return buckets.result();
	}

	@Override
	public List<Long> findIssueIds(List<Long> projectIds, EventSearch search, int limit) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		SqlFragment filter = filter(search);
		// The project ids, the fragment's values and the limit are all bound parameters.
		String ids = String.join(", ", Collections.nCopies(projectIds.size(), "?"));
		String sql = "SELECT issue_id FROM events WHERE project_id IN (" + ids + ") AND (" + filter.sql()
				+ ") GROUP BY issue_id ORDER BY max(timestamp) DESC, issue_id DESC LIMIT ?";
		List<Object> parameters = new ArrayList<>(projectIds);
		parameters.addAll(filter.parameters());
		parameters.add(limit);
		List<Long> issueIds = new ArrayList<>();
		run(sql, (rows) -> issueIds.add(rows.getLong(1)), parameters.toArray());
		return issueIds;
	}

	@Override
	public List<TagFacet> tagFacets(long projectId, long issueId, @Nullable String key, int topValues) {
		checkLimit("topValues", topValues);
		List<Object> parameters = new ArrayList<>(List.of(projectId, issueId));
		String onlyKey = "";
		if (key != null) {
			onlyKey = "WHERE tag_key = ? ";
			parameters.add(key);
		}
		parameters.add(topValues);
		// One query: values counted per key, then ranked within their key.
		String sql = DuckDbTagPairs.with("project_id = ? AND issue_id = ?")
				+ ", counted AS (SELECT tag_key, tag_value, count(*) AS events, min(timestamp) AS first_seen, "
				+ "max(timestamp) AS last_seen FROM pairs " + onlyKey + "GROUP BY tag_key, tag_value), "
				+ "ranked AS (SELECT *, sum(events) OVER (PARTITION BY tag_key)::BIGINT AS total, "
				+ "count(*) OVER (PARTITION BY tag_key) AS uniques, "
				+ "row_number() OVER (PARTITION BY tag_key ORDER BY events DESC, tag_value) AS position FROM counted) "
				+ "SELECT tag_key, total, uniques, tag_value, events, epoch_ms(first_seen), epoch_ms(last_seen) "
				+ "FROM ranked WHERE position <= ? ORDER BY total DESC, tag_key, position";
		TagFacetRows facets = new TagFacetRows();
		run(sql, (rows) -> facets.add(rows.getString(1), rows.getLong(2), rows.getLong(3),
				new TagValueCount(rows.getString(4), rows.getLong(5), Instant.ofEpochMilli(rows.getLong(6)),
						Instant.ofEpochMilli(rows.getLong(7)))),
				parameters.toArray());
		return facets.result();
	}

	@Override
	public Map<String, List<Long>> countByTagValue(long projectId, long issueId, String key, List<String> values,
			Instant from, Instant to, Duration bucket) {
		TagValueBuckets buckets = new TagValueBuckets(values, from, to, bucket);
		List<String> distinct = buckets.values();
		if (distinct.isEmpty()) {
			return Map.of();
		}
		String placeholders = String.join(", ", Collections.nCopies(distinct.size(), "?"));
		String sql = DuckDbTagPairs
			.with("project_id = ? AND issue_id = ? AND timestamp >= epoch_ms(?::BIGINT) "
					+ "AND timestamp < epoch_ms(?::BIGINT)")
				+ "SELECT tag_value, (epoch_ms(timestamp) - ?) // ? AS bucket, count(*) FROM pairs "
				+ "WHERE tag_key = ? AND tag_value IN (" + placeholders + ") GROUP BY tag_value, bucket";
		List<Object> parameters = new ArrayList<>(List.of(projectId, issueId, from.toEpochMilli(), to.toEpochMilli(),
				buckets.fromMillis(), buckets.bucketMillis(), key));
		parameters.addAll(distinct);
		run(sql, (rows) -> buckets.add(rows.getString(1), rows.getLong(2), rows.getLong(3)), parameters.toArray());
		return buckets.result();
	}

	@Override
	public List<TagKeyCount> tagKeys(List<Long> projectIds, Instant since, int limit) {
		checkLimit("limit", limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		String sql = DuckDbTagPairs.with(inProjectsSince(projectIds))
				+ "SELECT tag_key, count(*) AS events, count(DISTINCT tag_value) FROM pairs GROUP BY tag_key "
				+ "ORDER BY events DESC, tag_key LIMIT ?";
		List<Object> parameters = new ArrayList<>(projectIds);
		parameters.add(since.toEpochMilli());
		parameters.add(limit);
		List<TagKeyCount> keys = new ArrayList<>();
		run(sql, (rows) -> keys.add(new TagKeyCount(rows.getString(1), rows.getLong(2), rows.getLong(3))),
				parameters.toArray());
		return keys;
	}

	@Override
	public List<TagValueCount> tagValues(List<Long> projectIds, String key, String prefix, Instant since, int limit) {
		checkLimit("limit", limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		List<Object> parameters = new ArrayList<>(projectIds);
		parameters.add(since.toEpochMilli());
		parameters.add(key);
		// starts_with compares literally: no LIKE pattern, so no wildcard to escape.
		String startsWith = "";
		if (!prefix.isEmpty()) {
			startsWith = "AND starts_with(lower(tag_value), lower(?)) ";
			parameters.add(prefix);
		}
		parameters.add(limit);
		String sql = DuckDbTagPairs.with(inProjectsSince(projectIds))
				+ "SELECT tag_value, count(*) AS events, epoch_ms(min(timestamp)), epoch_ms(max(timestamp)) "
				+ "FROM pairs WHERE tag_key = ? " + startsWith + "GROUP BY tag_value ORDER BY events DESC, tag_value "
				+ "LIMIT ?";
		List<TagValueCount> values = new ArrayList<>();
		run(sql, (rows) -> values.add(new TagValueCount(rows.getString(1), rows.getLong(2),
				Instant.ofEpochMilli(rows.getLong(3)), Instant.ofEpochMilli(rows.getLong(4)))), parameters.toArray());
		return values;
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

	@Override
	public void close() {
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
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
	 * Compiles the event terms of a search (null: every event).
	 */
	private static SqlFragment filter(@Nullable EventSearch search) {
		if (search == null) {
			return COMPILER.compile(List.of());
		}
		SearchParser parser = new SearchParser(Clock.fixed(search.now(), ZoneOffset.UTC));
		return COMPILER.compile(parser.parse(search.query()).classify().eventTerms());
	}

	/**
	 * The scope of a cross-project tag read: the project ids, then the time.
	 */
	private static String inProjectsSince(List<Long> projectIds) {
		return "project_id IN (" + String.join(", ", Collections.nCopies(projectIds.size(), "?"))
				+ ") AND timestamp >= epoch_ms(?::BIGINT)";
	}

	private static void checkLimit(String name, int value) {
		if (value < 1 || value > 1000) {
			throw new IllegalArgumentException(name + " must be 1 to 1000: " + value);
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
	 * Runs a read under the lock, handing each row to the consumer.
	 */
	private void run(String sql, RowConsumer consumer, Object... parameters) {
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
			throw new DuckDbAccessException("Cannot read events", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	@FunctionalInterface
	private interface RowConsumer {

		void accept(ResultSet row) throws SQLException;

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
