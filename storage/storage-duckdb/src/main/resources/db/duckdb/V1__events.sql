-- One row per processed event, unique per (project_id, event_id): the primary key makes
-- replays idempotent (INSERT OR IGNORE). Times are UTC TIMESTAMPs at millisecond precision.
-- Tags are a MAP so tag search can use tags['key'] and map_keys(tags); the user is flattened
-- into nullable columns so it can be filtered and grouped like any other column.
CREATE TABLE events (
	project_id BIGINT NOT NULL,
	event_id VARCHAR NOT NULL,
	issue_id BIGINT NOT NULL,
	timestamp TIMESTAMP NOT NULL,
	received_at TIMESTAMP NOT NULL,
	platform VARCHAR NOT NULL,
	level VARCHAR NOT NULL,
	title VARCHAR NOT NULL,
	culprit VARCHAR NOT NULL,
	message VARCHAR NOT NULL,
	release VARCHAR,
	environment VARCHAR,
	transaction_name VARCHAR,
	trace_id VARCHAR,
	tags MAP(VARCHAR, VARCHAR) NOT NULL,
	has_user BOOLEAN NOT NULL,
	user_id VARCHAR,
	user_username VARCHAR,
	user_email VARCHAR,
	user_ip_address VARCHAR,
	primary_hash VARCHAR NOT NULL,
	grouping_variant VARCHAR NOT NULL,
	payload VARCHAR NOT NULL,
	PRIMARY KEY (project_id, event_id)
);
