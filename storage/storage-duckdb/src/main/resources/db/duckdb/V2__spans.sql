-- One row per span, segment (a transaction) or child, unique per (project_id, trace_id,
-- span_id): the primary key makes replays idempotent (INSERT OR IGNORE). Start and end are
-- UTC TIMESTAMPs at microsecond precision (spans are often shorter than a millisecond);
-- durations are milliseconds as DOUBLE. Each row carries the segment fields it was sent
-- with, so a span of a stream is complete without its segment; a segment-only field (its
-- op, status, measurements) is read from the segment's row (is_segment).
CREATE TABLE spans (
	project_id BIGINT NOT NULL,
	trace_id VARCHAR NOT NULL,
	span_id VARCHAR NOT NULL,
	parent_span_id VARCHAR,
	segment_id VARCHAR,
	transaction_id VARCHAR,
	is_segment BOOLEAN NOT NULL,
	start_timestamp TIMESTAMP NOT NULL,
	end_timestamp TIMESTAMP NOT NULL,
	duration_ms DOUBLE NOT NULL,
	exclusive_time_ms DOUBLE NOT NULL,
	received_at TIMESTAMP NOT NULL,
	op VARCHAR,
	description VARCHAR,
	status VARCHAR,
	transaction_name VARCHAR,
	release VARCHAR,
	environment VARCHAR,
	platform VARCHAR,
	sdk_name VARCHAR,
	has_user BOOLEAN NOT NULL,
	user_id VARCHAR,
	user_username VARCHAR,
	user_email VARCHAR,
	user_ip_address VARCHAR,
	sample_weight DOUBLE NOT NULL,
	measurements MAP(VARCHAR, DOUBLE) NOT NULL,
	measurement_units MAP(VARCHAR, VARCHAR) NOT NULL,
	tags MAP(VARCHAR, VARCHAR) NOT NULL,
	data MAP(VARCHAR, VARCHAR) NOT NULL,
	PRIMARY KEY (project_id, trace_id, span_id)
);
