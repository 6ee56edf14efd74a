-- Cron monitors and user feedback (issue 20). Keep in step with
-- db/migration/postgresql/V13__crons_and_feedback.sql in storage-postgres. Times are epoch ms.

-- a cron monitor, unique by slug within its organization (Sentry's rule); the schedule is
-- either a crontab (crontab set) or an interval (interval_value, interval_unit); the
-- optional settings are null when the user left them to their defaults
CREATE TABLE monitors (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	-- active or disabled
	status TEXT NOT NULL,
	muted INTEGER NOT NULL,
	schedule_type TEXT NOT NULL,
	crontab TEXT,
	interval_value INTEGER,
	interval_unit TEXT,
	timezone TEXT,
	-- minutes
	checkin_margin INTEGER,
	max_runtime INTEGER,
	failure_issue_threshold INTEGER,
	recovery_threshold INTEGER,
	date_created INTEGER NOT NULL,
	UNIQUE (organization_id, slug)
) STRICT;

CREATE INDEX monitors_by_project ON monitors (project_id, id);

-- a monitor's state in one environment: its status, when it expects the next check-in
-- (next_checkin, and with the margin next_checkin_latest: missed after that), and the
-- consecutive failures and successes that open and resolve its issue
CREATE TABLE monitor_environments (
	id INTEGER PRIMARY KEY,
	monitor_id INTEGER NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	-- active (no check-in yet), ok, error, missed_checkin or timeout
	status TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	last_checkin INTEGER,
	next_checkin INTEGER,
	next_checkin_latest INTEGER,
	failures INTEGER NOT NULL,
	successes INTEGER NOT NULL,
	incident_open INTEGER NOT NULL,
	UNIQUE (monitor_id, name)
) STRICT;

CREATE INDEX monitor_environments_due ON monitor_environments (next_checkin_latest);

-- one check-in; check_in_id is the client's (or, for missed check-ins, made up), unique
-- per monitor so a closing check-in finds its in_progress one
CREATE TABLE monitor_checkins (
	id INTEGER PRIMARY KEY,
	monitor_id INTEGER NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
	environment_id INTEGER NOT NULL REFERENCES monitor_environments (id) ON DELETE CASCADE,
	check_in_id TEXT NOT NULL,
	-- in_progress, ok, error, missed or timeout
	status TEXT NOT NULL,
	-- milliseconds
	duration INTEGER,
	date_added INTEGER NOT NULL,
	date_updated INTEGER NOT NULL,
	date_in_progress INTEGER,
	expected_time INTEGER,
	timeout_at INTEGER,
	trace_id TEXT,
	UNIQUE (monitor_id, check_in_id)
) STRICT;

CREATE INDEX monitor_checkins_by_time ON monitor_checkins (monitor_id, date_added);

CREATE INDEX monitor_checkins_running ON monitor_checkins (timeout_at) WHERE status = 'in_progress';

-- who runs a periodic job now (the missed/timeout detector): one holder per name until
-- expires_at, so replicas take turns instead of all working at once
CREATE TABLE scheduler_leases (
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	expires_at INTEGER NOT NULL
) STRICT;

-- a user report: the legacy user-feedback endpoint's and the SDKs' user_report items, and
-- the feedback widget's messages that name the event they are about; one per event
CREATE TABLE user_reports (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	event_id TEXT NOT NULL,
	issue_id INTEGER REFERENCES issues (id) ON DELETE SET NULL,
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	comments TEXT NOT NULL,
	-- the feedback event that carried it, when it came from the feedback widget or API
	feedback_event_id TEXT,
	environment TEXT,
	date_created INTEGER NOT NULL,
	UNIQUE (project_id, event_id)
) STRICT;

CREATE INDEX user_reports_by_issue ON user_reports (issue_id);

CREATE INDEX user_reports_by_project ON user_reports (project_id, date_created);

-- a file sent with a feedback (the widget's screenshot), kept here until attachments have
-- a blob store of their own
CREATE TABLE feedback_attachments (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	event_id TEXT NOT NULL,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB NOT NULL,
	date_created INTEGER NOT NULL,
	UNIQUE (project_id, event_id, name)
) STRICT;
