-- Per-project inbound data filters (issue 14), named after Sentry's filter ids and
-- project options. Keep in step with db/migration/sqlite/V8__project_filters.sql in storage-sqlite.
-- A project without a row has every filter off (ProjectFilters.NONE).
CREATE TABLE project_filters (
	project_id BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
	-- the boolean built-in filters (filters:browser-extensions, …)
	browser_extensions BOOLEAN NOT NULL,
	localhost BOOLEAN NOT NULL,
	web_crawlers BOOLEAN NOT NULL,
	filtered_transaction BOOLEAN NOT NULL,
	-- lists: one entry a line. legacy_browsers holds the active subfilters ("default" for
	-- Sentry's "active": true); empty when the filter is off
	legacy_browsers TEXT NOT NULL,
	-- filters:error_messages and filters:releases: globs
	error_messages TEXT NOT NULL,
	releases TEXT NOT NULL,
	-- filters:blacklisted_ips: IP addresses and CIDR ranges
	blacklisted_ips TEXT NOT NULL
);
