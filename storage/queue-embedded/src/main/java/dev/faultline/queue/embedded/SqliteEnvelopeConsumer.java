package dev.faultline.queue.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueueUnavailableException;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * Reads one group's envelopes in id order over its own read connection. Not thread-safe:
 * one thread polls and commits, as the port requires.
 */
final class SqliteEnvelopeConsumer implements EnvelopeConsumer {

	/**
	 * Stops filling a batch beyond this many body bytes (but always returns at least one
	 * envelope), so a poll of many large envelopes does not exhaust the heap.
	 */
	private static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

	private static final String SELECT = """
			SELECT id, project_id, public_key, received_at_seconds, received_at_nanos, client_ip, user_agent, body
			FROM envelope WHERE id > ? ORDER BY id LIMIT ?""";

	/**
	 * Makes a group's offset durable; called with the group and the last processed id.
	 */
	interface OffsetCommitter {

		void commit(String group, long lastId);

	}

	private final String group;

	private final Connection connection;

	private final NewRecordSignal signal;

	private final OffsetCommitter committer;

	private final Consumer<SqliteEnvelopeConsumer> onClose;

	private long committedId;

	private long polledId;

	private volatile boolean closed;

	SqliteEnvelopeConsumer(String group, long committedId, Connection connection, NewRecordSignal signal,
			OffsetCommitter committer, Consumer<SqliteEnvelopeConsumer> onClose) {
		this.group = group;
		this.committedId = committedId;
		this.polledId = committedId;
		this.connection = connection;
		this.signal = signal;
		this.committer = committer;
		this.onClose = onClose;
	}

	String group() {
		return this.group;
	}

	@Override
	public List<QueueRecord> poll(int maxRecords, Duration timeout) {
		if (maxRecords < 1) {
			throw new IllegalArgumentException("maxRecords must be positive, was " + maxRecords);
		}
		ensureOpen();
		long deadline = NewRecordSignal.deadline(timeout);
		try {
			while (true) {
				long seen = this.signal.sequence();
				List<QueueRecord> records = read(maxRecords);
				Duration remaining = NewRecordSignal.remaining(deadline);
				if (!records.isEmpty() || remaining.isZero()) {
					return records;
				}
				this.signal.awaitChange(seen, remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	@Override
	public void commit() {
		ensureOpen();
		if (this.polledId > this.committedId) {
			this.committer.commit(this.group, this.polledId);
			this.committedId = this.polledId;
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// The connection only read; nothing is lost when closing it fails.
		}
		finally {
			this.onClose.accept(this);
		}
	}

	private List<QueueRecord> read(int maxRecords) {
		List<QueueRecord> records = new ArrayList<>();
		try (PreparedStatement select = this.connection.prepareStatement(SELECT)) {
			select.setLong(1, this.polledId);
			select.setInt(2, maxRecords);
			long bytes = 0;
			try (ResultSet rows = select.executeQuery()) {
				while (bytes < MAX_BATCH_BYTES && rows.next()) {
					long id = rows.getLong(1);
					byte[] body = rows.getBytes(8);
					QueuedEnvelope envelope = new QueuedEnvelope(rows.getLong(2), rows.getString(3),
							Instant.ofEpochSecond(rows.getLong(4), rows.getInt(5)), rows.getString(6),
							rows.getString(7), (body != null) ? body : new byte[0]);
					records.add(new QueueRecord(Long.toString(id), envelope));
					bytes += envelope.body().length;
					this.polledId = id;
				}
			}
		}
		catch (SQLException ex) {
			if (this.closed) {
				throw new IllegalStateException("consumer of group " + this.group + " is closed", ex);
			}
			throw new QueueUnavailableException("reading the embedded queue failed", ex);
		}
		return records;
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("consumer of group " + this.group + " is closed");
		}
	}

}
