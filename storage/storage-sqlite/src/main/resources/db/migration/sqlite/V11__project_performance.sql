-- Per-project performance settings (issue 16), named after Sentry's project options. Keep in
-- step with db/migration/postgresql/V11__project_performance.sql in storage-postgres.
-- A project without a row has the defaults (ProjectPerformance.DEFAULTS).
CREATE TABLE project_performance (
	project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
	-- the Apdex threshold T in milliseconds (transaction-threshold/configure)
	transaction_threshold INTEGER NOT NULL,
	-- what T is measured on: duration or lcp
	transaction_metric TEXT NOT NULL,
	-- performance issue settings the project changed: one key=value a line, Sentry's keys
	issue_settings TEXT NOT NULL
) STRICT;
