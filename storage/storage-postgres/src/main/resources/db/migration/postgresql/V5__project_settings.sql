-- Per-project processing settings (issue 5), named after Sentry's project options. Keep in
-- step with db/migration/sqlite/V5__project_settings.sql in storage-sqlite.
-- A project without a row has the defaults (ProjectSettings.DEFAULTS).
CREATE TABLE project_settings (
	project_id BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
	-- Sentry's fingerprintingRules, one rule a line
	fingerprinting_rules TEXT NOT NULL,
	-- Sentry's groupingEnhancements (stack-trace rules), one rule a line
	grouping_enhancements TEXT NOT NULL,
	-- Sentry's relayPiiConfig: advanced data scrubbing rules, JSON text or empty
	relay_pii_config TEXT NOT NULL,
	scrub_ip_addresses BOOLEAN NOT NULL,
	-- lists: one entry a line
	sensitive_fields TEXT NOT NULL,
	safe_fields TEXT NOT NULL,
	data_scrubber BOOLEAN NOT NULL,
	data_scrubber_defaults BOOLEAN NOT NULL,
	in_app_includes TEXT NOT NULL,
	in_app_excludes TEXT NOT NULL
);
