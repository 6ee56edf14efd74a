package dev.faultline.storage.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.CountedEvents;

/**
 * {@link CountedEvents} over {@code issue_events}, whose primary key
 * {@code (project_id, event_id)} serves the lookup.
 */
final class JdbcCountedEvents implements CountedEvents {

	/** Ids per statement: well under either engine's limit of bound values. */
	private static final int CHUNK = 500;

	private final JdbcDatabase database;

	JdbcCountedEvents(JdbcDatabase database) {
		this.database = database;
	}

	@Override
	public Map<String, String> hashes(long projectId, Collection<String> eventIds) {
		Map<String, String> hashes = new HashMap<>();
		List<String> ids = List.copyOf(eventIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			List<Object> values = new ArrayList<>(chunk.size() + 1);
			values.add(projectId);
			values.addAll(chunk);
			String sql = "SELECT event_id, primary_hash FROM issue_events WHERE project_id = ? AND event_id IN ("
					+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
			this.database.read((connection) -> Queries.list(connection, sql,
					(row) -> hashes.put(row.getString("event_id"), String.valueOf(row.getString("primary_hash"))),
					values.toArray()));
		}
		return hashes;
	}

}
