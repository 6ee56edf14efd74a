package dev.faultline.storage.sessions;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One session update, or one counted group of a session aggregate, as the sessions role
 * stores it. The role keeps one row per {@code (projectId, sessionId)} and merges every
 * update of a session into it ({@link SessionWriter}).
 *
 * @param projectId the project
 * @param sessionId the session's {@code sid} (lower-case, without dashes), or for a group
 * of an aggregate an id made from the queue position of its item and its place in the
 * item, so a replay writes the same id
 * @param distinctId the distinct id ({@code did}: the user the session was recorded for),
 * or null
 * @param started when the session started (the bucket of an aggregate), millisecond
 * precision; the time ranges and buckets of queries apply to it
 * @param timestamp when the update was made (the aggregate's start for a group)
 * @param seq the update's sequence number ({@code seq}, 0 when absent), 0 to
 * {@link Long#MAX_VALUE}
 * @param init whether this update started the session ({@code init}); a session is
 * counted once, by its starting update
 * @param status the status the update reports
 * @param errors the errors the session had so far, not negative
 * @param quantity how many sessions the row stands for: 1 for an update, the count of an
 * aggregate's group, positive
 * @param release the release ({@code attrs.release}), required by Sentry's protocol
 * @param environment the environment, or null
 * @param receivedAt when ingest received the update
 */
public record StoredSession(long projectId, String sessionId, @Nullable String distinctId, Instant started,
		Instant timestamp, long seq, boolean init, SessionStatus status, long errors, long quantity, String release,
		@Nullable String environment, Instant receivedAt) {

	private static final BigInteger TIMESTAMP_FACTOR = BigInteger.valueOf(8);

	public StoredSession {
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(release, "release");
		Objects.requireNonNull(receivedAt, "receivedAt");
		if (sessionId.isEmpty() || release.isEmpty()) {
			throw new IllegalArgumentException("a session has an id and a release");
		}
		if (seq < 0) {
			throw new IllegalArgumentException("a sequence number is not negative: " + seq);
		}
		if (errors < 0) {
			throw new IllegalArgumentException("an error count is not negative: " + errors);
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("a session row stands for at least one session: " + quantity);
		}
		if (timestamp.toEpochMilli() < 0) {
			throw new IllegalArgumentException("a session update is after 1970: " + timestamp);
		}
	}

	/**
	 * The low 64 bits of {@link #version()}: the update's time in epoch milliseconds
	 * times 8 plus the status code.
	 * @return a non-negative number
	 */
	public long timeAndStatus() {
		return this.timestamp.toEpochMilli() * 8 + this.status.code();
	}

	/**
	 * The order of the updates of one session: by sequence number, then by time, then by
	 * status code; the update with the greatest version sets the session's status. As a
	 * 128-bit number {@code seq · 2^64 + timestamp_ms · 8 + status code}, so that both
	 * engines keep it with a plain {@code max}.
	 * @return a non-negative number below 2^127
	 */
	public BigInteger version() {
		return BigInteger.valueOf(this.seq)
			.shiftLeft(64)
			.add(BigInteger.valueOf(this.timestamp.toEpochMilli()).multiply(TIMESTAMP_FACTOR))
			.add(BigInteger.valueOf(this.status.code()));
	}

	/**
	 * Merges a later-or-earlier update of the same session into this one, as the stores
	 * merge rows: started, release, environment and quantity of the first row; init if
	 * either started it; the update of the greater version for the status; the greater
	 * error count; a distinct id if either has one (the greater).
	 * @param other another update of the same session
	 * @return the merged row
	 */
	public StoredSession merge(StoredSession other) {
		if (other.projectId != this.projectId || !other.sessionId.equals(this.sessionId)) {
			throw new IllegalArgumentException("not the same session: " + other.sessionId);
		}
		StoredSession newer = (other.version().compareTo(version()) > 0) ? other : this;
		String did = this.distinctId;
		if (did == null || (other.distinctId != null && other.distinctId.compareTo(did) > 0)) {
			did = other.distinctId;
		}
		Instant received = this.receivedAt.isAfter(other.receivedAt) ? this.receivedAt : other.receivedAt;
		return new StoredSession(this.projectId, this.sessionId, did, this.started, newer.timestamp, newer.seq,
				this.init || other.init, newer.status, Math.max(this.errors, other.errors), this.quantity, this.release,
				this.environment, received);
	}

}
