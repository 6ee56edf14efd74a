-- Sign-in sessions of the web UI. Keep in step with
-- db/migration/postgresql/V2__sessions_and_keys.sql in storage-postgres.
-- Only SHA-256 hashes of the session and CSRF tokens are stored.

CREATE TABLE sessions (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	csrf_hash TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	-- epoch milliseconds; the session authenticates while now < expires_at
	expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);
-- serves deleteExpired
CREATE INDEX sessions_expires_at ON sessions (expires_at);
