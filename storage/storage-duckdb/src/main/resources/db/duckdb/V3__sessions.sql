-- Release health: one row per session, unique per (project_id, session_id). Every update of a
-- session merges into its row (an upsert, DuckDbSessionStore): init once any update started it,
-- errors the greatest, version the greatest; version = seq * 2^64 + timestamp_ms * 8 + status
-- code (StoredSession.version), so the latest update by sequence, then time, sets the status
-- (version % 8). A group of a session aggregate is a row of its own standing for `quantity`
-- sessions. started is the session's start (the aggregate's bucket), UTC; an absent distinct id
-- or environment is ''. No IP address or user agent is kept.
CREATE TABLE sessions (
	project_id BIGINT NOT NULL,
	session_id VARCHAR NOT NULL,
	distinct_id VARCHAR NOT NULL,
	started TIMESTAMP NOT NULL,
	release VARCHAR NOT NULL,
	environment VARCHAR NOT NULL,
	quantity BIGINT NOT NULL,
	init BOOLEAN NOT NULL,
	errors BIGINT NOT NULL,
	version HUGEINT NOT NULL,
	received_at TIMESTAMP NOT NULL,
	PRIMARY KEY (project_id, session_id)
);
