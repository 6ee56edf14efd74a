-- Per-key rate limits and outcome counters (issue 4). Keep in step with
-- db/migration/sqlite/V4__rate_limits_and_outcomes.sql in storage-sqlite.

-- Items per window and data category; both NULL = unlimited.
ALTER TABLE project_keys ADD COLUMN rate_limit_count BIGINT;
-- the window in seconds
ALTER TABLE project_keys ADD COLUMN rate_limit_window BIGINT;

-- What the stats pages count: items per project, hour, category, outcome and reason.
CREATE TABLE outcomes (
	project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	-- epoch milliseconds of the start of the hour (UTC)
	hour BIGINT NOT NULL,
	category TEXT NOT NULL,
	-- accepted, filtered, rate_limited, invalid, abuse, client_discard
	outcome TEXT NOT NULL,
	-- empty when the outcome has no reason
	reason TEXT NOT NULL,
	quantity BIGINT NOT NULL,
	PRIMARY KEY (project_id, hour, category, outcome, reason)
);

-- serves the organization-wide stats query by time range
CREATE INDEX outcomes_hour ON outcomes (hour);
