package dev.faultline.storage.clickhouse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
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
import org.jspecify.annotations.Nullable;

/**
 * The scale {@link EventStore}: a ClickHouse {@code events} table reached over HTTP with
 * the official client ({@code client-v2}).
 *
 * <p>
 * Each {@link #write} is one synchronous INSERT request ({@code JSONEachRow}); when it
 * returns the rows are stored and visible. The table is a {@code ReplacingMergeTree} and
 * every read that returns or counts events uses {@code FINAL}, so rewriting an event (a
 * replay) never shows twice; {@link #findIssueIds}, which a duplicate cannot change,
 * reads without it. All values are bound as {@code {name:Type}} query parameters.
 * Thread-safe (the client pools connections). Failures surface as
 * {@link ClickHouseAccessException}.
 */
public final class ClickHouseEventStore implements EventStore {

	private static final String TABLE = "events";

	/** Every column but {@code issue_id}, which a move replaces. */
	private static final String COLUMNS_BUT_ISSUE = "project_id, event_id, timestamp, received_at, platform, level, "
			+ "title, culprit, message, release, environment, transaction, trace_id, tags, has_user, user_id, "
			+ "user_username, user_email, user_ip_address, primary_hash, grouping_variant, payload";

	private static final String SELECT = "SELECT issue_id, " + COLUMNS_BUT_ISSUE + " FROM events FINAL ";

	private static final QueryCompiler COMPILER = new QueryCompiler(new ClickHouseSqlDialect());

	private static final long TIMEOUT_SECONDS = 60;

	private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

	private final Client client;

	private final ClickHouseSettings settings;

	private final EventAggregates aggregates = new QueryEventAggregates(this);

	private final ClickHouseSpanStore spans;

	private final ClickHouseSessionStore sessions;

	/** The query role's own client: its HTTP connections are not the writer's. */
	private final Client queryClient;

	private final ClickHouseQueries queries;

	private ClickHouseEventStore(Client client, Client queryClient, ClickHouseSettings settings) {
		this.client = client;
		this.queryClient = queryClient;
		this.queries = new ClickHouseQueries(queryClient, COMPILER);
		this.settings = settings;
		this.spans = new ClickHouseSpanStore(client, this::failure);
		this.sessions = new ClickHouseSessionStore(client, this::failure);
	}

	/**
	 * The sessions role, on this store's client.
	 */
	ClickHouseSessionStore sessions() {
		return this.sessions;
	}

	/**
	 * The spans role, on this store's client.
	 */
	ClickHouseSpanStore spans() {
		return this.spans;
	}

	/**
	 * Connects, creates the database if missing and applies the schema.
	 * @throws ClickHouseAccessException if the server is unreachable or rejects the
	 * schema
	 */
	public static ClickHouseEventStore open(ClickHouseSettings settings) {
		Client client = client(settings);
		try {
			ClickHouseSchema.apply(client, settings.database());
			return new ClickHouseEventStore(client, client(settings), settings);
		}
		catch (Exception ex) {
			client.close();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new ClickHouseAccessException("Cannot open the ClickHouse event store at " + settings, ex);
		}
	}

	private static Client client(ClickHouseSettings settings) {
		return new Client.Builder().addEndpoint(settings.endpoint())
			.setUsername(settings.username())
			.setPassword(settings.password())
			.setDefaultDatabase(settings.database())
			.build();
	}

	@Override
	public void write(List<StoredEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		// Duplicates inside one batch collapse here; across batches FINAL collapses them.
		Map<String, StoredEvent> unique = new LinkedHashMap<>();
		for (StoredEvent event : events) {
			unique.putIfAbsent(event.projectId() + ":" + event.eventId(), event);
		}
		Collection<StoredEvent> rows = unique.values();
		try (InsertResponse response = this.client
			.insert(TABLE, (out) -> JsonEachRowEncoder.write(rows, out), ClickHouseFormat.JSONEachRow,
					new InsertSettings())
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			// A synchronous insert has committed its parts when the response arrives.
		}
		catch (Exception ex) {
			throw failure("Cannot write " + rows.size() + " events", ex);
		}
	}

	@Override
	public Optional<StoredEvent> find(long projectId, String eventId) {
		Map<String, Object> parameters = Map.of("project_id", projectId, "event_id", eventId);
		return query(SELECT + "WHERE project_id = {project_id:UInt64} AND event_id = {event_id:String} LIMIT 1",
				parameters)
			.stream()
			.findFirst();
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
		// The fragment's parameters are named p0, p1…; the statement's own are not.
		Map<String, Object> parameters = new HashMap<>(filter.namedParameters());
		parameters.putAll(Map.of("project_id", projectId, "offset", cursor.offset(), "limit", limit + 1));
		String issue = "";
		if (issueId != null) {
			parameters.put("issue_id", issueId);
			issue = " AND issue_id = {issue_id:UInt64}";
		}
		// A backward page reads the events just newer than the cursor's, oldest first.
		String order = (cursor.keyed() && cursor.previous()) ? "timestamp ASC, event_id ASC"
				: "timestamp DESC, event_id DESC";
		List<StoredEvent> read = query(SELECT + "WHERE project_id = {project_id:UInt64}" + issue + " AND ("
				+ filter.sql() + ") ORDER BY " + order + " LIMIT {limit:UInt32} OFFSET {offset:UInt32}", parameters);
		return EventReader.issueEventPage(cursor, limit, read);
	}

	@Override
	public Optional<StoredEvent> latest(long projectId, long issueId) {
		return listByIssue(projectId, issueId, null, Cursor.FIRST, 1).items().stream().findFirst();
	}

	@Override
	public Optional<StoredEvent> oldest(long projectId, long issueId) {
		Map<String, Object> parameters = Map.of("project_id", projectId, "issue_id", issueId);
		return query(SELECT + "WHERE project_id = {project_id:UInt64} AND issue_id = {issue_id:UInt64} "
				+ "ORDER BY timestamp ASC, event_id ASC LIMIT 1", parameters)
			.stream()
			.findFirst();
	}

	@Override
	public EventNeighbours neighbours(long projectId, long issueId, Instant timestamp, String eventId) {
		Map<String, Object> parameters = Map.of("project_id", projectId, "issue_id", issueId, "at",
				timestamp.toEpochMilli(), "event_id", eventId);
		String where = "FROM events FINAL WHERE project_id = {project_id:UInt64} AND issue_id = {issue_id:UInt64} AND ";
		String at = "fromUnixTimestamp64Milli({at:Int64}, 'UTC')";
		String sql = "SELECT 'previous' AS side, event_id FROM (SELECT event_id " + where + "(timestamp < " + at
				+ " OR (timestamp = " + at + " AND event_id < {event_id:String})) "
				+ "ORDER BY timestamp DESC, event_id DESC LIMIT 1) UNION ALL "
				+ "SELECT 'next' AS side, event_id FROM (SELECT event_id " + where + "(timestamp > " + at
				+ " OR (timestamp = " + at + " AND event_id > {event_id:String})) "
				+ "ORDER BY timestamp ASC, event_id ASC LIMIT 1)";
		Map<String, String> found = new HashMap<>();
		try {
			for (GenericRecord row : this.client.queryAll(sql, parameters)) {
				found.put(row.getString("side"), row.getString("event_id"));
			}
		}
		catch (RuntimeException ex) {
			throw failure("Cannot read event neighbours", ex);
		}
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
		return this.queries.run(query, limits);
	}

	@Override
	public @Nullable Cursor stream(Query query, QueryLimits limits, QueryRowSink sink) {
		return this.queries.stream(query, limits, sink);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * {@code issue_id} is part of the sorting key, which ClickHouse cannot update: the
	 * rows are copied with the new issue id ({@code INSERT … SELECT}) and the old ones
	 * then deleted by a mutation that returns once applied ({@code mutations_sync = 2}).
	 * Repeating a move, or finishing one that failed after the copy, is safe: a second
	 * copy has the same sorting key and collapses under {@code FINAL}.
	 */
	@Override
	public void moveEvents(long projectId, long fromIssueId, @Nullable Set<String> primaryHashes, long toIssueId) {
		if (fromIssueId == toIssueId || (primaryHashes != null && primaryHashes.isEmpty())) {
			return;
		}
		Map<String, Object> parameters = new HashMap<>(
				Map.of("project_id", projectId, "from_issue", fromIssueId, "to_issue", toIssueId));
		String where = "project_id = {project_id:UInt64} AND issue_id = {from_issue:UInt64}";
		if (primaryHashes != null) {
			where += " AND primary_hash IN (" + bindEach("hash", List.copyOf(primaryHashes), parameters) + ")";
		}
		try {
			// The column list is explicit: libchdb 26.7 silently inserted nothing for
			// SELECT * REPLACE (…).
			this.client.queryAll("INSERT INTO " + TABLE + " (issue_id, " + COLUMNS_BUT_ISSUE
					+ ") SELECT {to_issue:UInt64}, " + COLUMNS_BUT_ISSUE + " FROM " + TABLE + " FINAL WHERE " + where,
					parameters);
			this.client.queryAll("ALTER TABLE " + TABLE + " DELETE WHERE " + where + " SETTINGS mutations_sync = 2",
					parameters);
		}
		catch (RuntimeException ex) {
			throw failure("Cannot move the events of issue " + fromIssueId + " to " + toIssueId, ex);
		}
	}

	@Override
	public void deleteIssueEvents(long projectId, long issueId) {
		try {
			this.client.queryAll(
					"ALTER TABLE " + TABLE + " DELETE WHERE project_id = {project_id:UInt64} "
							+ "AND issue_id = {issue_id:UInt64} SETTINGS mutations_sync = 2",
					Map.of("project_id", projectId, "issue_id", issueId));
		}
		catch (RuntimeException ex) {
			throw failure("Cannot delete the events of issue " + issueId, ex);
		}
	}

	@Override
	public boolean isHealthy() {
		try {
			return this.client.ping(PING_TIMEOUT.toMillis());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void deleteOlderThan(Instant cutoff) {
		// The table's TTL drops whole weekly partitions after 90 days; this sweep serves
		// a shorter configured retention. mutations_sync waits until the rows are gone.
		try {
			this.client.queryAll("ALTER TABLE " + TABLE
					+ " DELETE WHERE timestamp < fromUnixTimestamp64Milli({cutoff:Int64}) SETTINGS mutations_sync = 2",
					Map.of("cutoff", cutoff.toEpochMilli()));
		}
		catch (RuntimeException ex) {
			throw failure("Cannot delete events older than " + cutoff, ex);
		}
		this.spans.deleteOlderThan(cutoff);
		this.sessions.deleteOlderThan(cutoff);
	}

	@Override
	public void close() {
		this.queryClient.close();
		this.client.close();
	}

	/**
	 * Binds every value as its own String parameter ({@code name0}, {@code name1}…), so
	 * no value is ever written into an array literal; returns the placeholders.
	 */
	private static String bindEach(String name, List<String> values, Map<String, Object> parameters) {
		List<String> placeholders = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			parameters.put(name + i, values.get(i));
			placeholders.add("{" + name + i + ":String}");
		}
		return String.join(", ", placeholders);
	}

	private List<StoredEvent> query(String sql, Map<String, Object> parameters) {
		try {
			List<StoredEvent> events = new ArrayList<>();
			for (GenericRecord row : this.client.queryAll(sql, parameters)) {
				events.add(read(row));
			}
			return events;
		}
		catch (RuntimeException ex) {
			throw failure("Cannot read events", ex);
		}
	}

	private ClickHouseAccessException failure(String message, Exception ex) {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		return new ClickHouseAccessException(message + " (" + this.settings + ")", ex);
	}

	private static StoredEvent read(GenericRecord row) {
		EventUser user = row.getBoolean("has_user") ? new EventUser(nullable(row, "user_id"),
				nullable(row, "user_username"), nullable(row, "user_email"), nullable(row, "user_ip_address")) : null;
		return new StoredEvent(row.getLong("project_id"), row.getString("event_id"), row.getLong("issue_id"),
				row.getInstant("timestamp"), row.getInstant("received_at"), row.getString("platform"),
				row.getString("level"), row.getString("title"), row.getString("culprit"), row.getString("message"),
				nullable(row, "release"), nullable(row, "environment"), nullable(row, "transaction"),
				nullable(row, "trace_id"), tags(row.getObject("tags")), user, row.getString("primary_hash"),
				row.getString("grouping_variant"), row.getString("payload"));
	}

	private static @Nullable String nullable(GenericRecord row, String column) {
		return row.hasValue(column) ? row.getString(column) : null;
	}

	private static Map<String, String> tags(@Nullable Object value) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, tag) -> tags.put(String.valueOf(key), String.valueOf(tag)));
		}
		return tags;
	}

}
