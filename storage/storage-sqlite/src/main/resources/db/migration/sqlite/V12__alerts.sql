-- Alerts and notifications (issue 18): issue alert rules with their per-issue action
-- interval and firing history, organization integrations (their secrets encrypted by the
-- services before they get here), the notification outbox, legacy webhook plugin URLs and
-- service hooks, metric alert rules with their evaluation claims, incidents and their
-- activity, and personal notification settings. Keep in step with
-- db/migration/postgresql/V12__alerts.sql in storage-postgres. Times are epoch ms; flags
-- are 0/1 integers on both engines.

-- an issue alert rule of a project; conditions, filters and actions are Sentry's rule JSON
-- (arrays of {id, ...}) as the API validated them
CREATE TABLE alert_rules (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	environment TEXT,
	action_match TEXT NOT NULL,
	filter_match TEXT NOT NULL,
	frequency_minutes INTEGER NOT NULL,
	conditions TEXT NOT NULL,
	filters TEXT NOT NULL,
	actions TEXT NOT NULL,
	owner TEXT,
	status TEXT NOT NULL,
	snoozed INTEGER NOT NULL,
	snooze_until INTEGER,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	date_created INTEGER NOT NULL,
	date_modified INTEGER NOT NULL,
	last_triggered INTEGER
) STRICT;

CREATE INDEX alert_rules_project ON alert_rules (project_id, id);

-- when a rule last fired for an issue: the per-issue action interval is claimed here with
-- one conditional upsert, so replicas evaluating the same issue fire once per interval
CREATE TABLE alert_rule_issues (
	rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	last_fired INTEGER NOT NULL,
	PRIMARY KEY (rule_id, issue_id)
) STRICT;

-- every firing of an issue alert rule (the rule's history)
CREATE TABLE alert_rule_fires (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
	issue_id INTEGER NOT NULL,
	event_id TEXT NOT NULL,
	date_fired INTEGER NOT NULL
) STRICT;

CREATE INDEX alert_rule_fires_rule ON alert_rule_fires (rule_id, date_fired);

-- a notification destination of an organization (slack, msteams, discord, pagerduty,
-- opsgenie, webhook, email); config is the service's encrypted JSON
CREATE TABLE alert_integrations (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	provider TEXT NOT NULL,
	name TEXT NOT NULL,
	config TEXT NOT NULL,
	last_status TEXT,
	last_error TEXT,
	last_delivery INTEGER,
	date_created INTEGER NOT NULL,
	UNIQUE (organization_id, name)
) STRICT;

-- the outbox: a notification is written here before it is sent, once per idempotency key;
-- dispatchers claim due rows for a lease, then mark them sent, due again later, or failed
CREATE TABLE notifications (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	idempotency_key TEXT NOT NULL UNIQUE,
	channel TEXT NOT NULL,
	integration_id INTEGER,
	rule_id INTEGER,
	metric_rule_id INTEGER,
	issue_id INTEGER,
	destination TEXT NOT NULL,
	payload TEXT NOT NULL,
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	next_attempt INTEGER NOT NULL,
	claimed_until INTEGER,
	last_error TEXT,
	date_created INTEGER NOT NULL,
	date_sent INTEGER
) STRICT;

CREATE INDEX notifications_due ON notifications (state, next_attempt);
CREATE INDEX notifications_by_organization ON notifications (organization_id, id);
CREATE INDEX notifications_by_rule ON notifications (rule_id, id);

-- the legacy WebHooks plugin of a project: its URLs, one per line, and whether it is on
CREATE TABLE project_webhook_plugins (
	project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
	enabled INTEGER NOT NULL,
	urls TEXT NOT NULL
) STRICT;

-- a project's service hook; secret encrypted by the service; events comma-separated
CREATE TABLE service_hooks (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	guid TEXT NOT NULL UNIQUE,
	url TEXT NOT NULL,
	events TEXT NOT NULL,
	secret TEXT NOT NULL,
	status TEXT NOT NULL,
	date_created INTEGER NOT NULL
) STRICT;

-- a metric alert rule of an organization; triggers are Sentry's trigger JSON
CREATE TABLE metric_alert_rules (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	dataset TEXT NOT NULL,
	aggregate TEXT NOT NULL,
	query TEXT NOT NULL,
	time_window INTEGER NOT NULL,
	threshold_type INTEGER NOT NULL,
	resolve_threshold REAL,
	environment TEXT,
	triggers TEXT NOT NULL,
	owner TEXT,
	status INTEGER NOT NULL,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	date_created INTEGER NOT NULL,
	date_modified INTEGER NOT NULL
) STRICT;

CREATE TABLE metric_alert_projects (
	rule_id INTEGER NOT NULL REFERENCES metric_alert_rules (id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	PRIMARY KEY (rule_id, project_id)
) STRICT;

-- one row per rule and evaluation tick: whoever inserts it evaluates that tick, so each
-- evaluation happens once however many replicas run the schedule
CREATE TABLE metric_alert_evaluations (
	rule_id INTEGER NOT NULL REFERENCES metric_alert_rules (id) ON DELETE CASCADE,
	tick INTEGER NOT NULL,
	evaluator TEXT NOT NULL,
	value REAL,
	date_claimed INTEGER NOT NULL,
	PRIMARY KEY (rule_id, tick)
) STRICT;

-- an incident of a metric alert rule; identifier counts per organization; status is
-- Sentry's (1 open, 2 closed, 10 warning, 20 critical)
CREATE TABLE incidents (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	alert_rule_id INTEGER NOT NULL REFERENCES metric_alert_rules (id) ON DELETE CASCADE,
	identifier INTEGER NOT NULL,
	status INTEGER NOT NULL,
	title TEXT NOT NULL,
	date_started INTEGER NOT NULL,
	date_detected INTEGER NOT NULL,
	date_closed INTEGER,
	UNIQUE (organization_id, identifier)
) STRICT;

CREATE INDEX incidents_by_rule ON incidents (alert_rule_id, id);

-- an incident's timeline; type is Sentry's (1 detected, 2 status change, 3 comment,
-- 4 started)
CREATE TABLE incident_activity (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
	type INTEGER NOT NULL,
	value TEXT,
	previous_value TEXT,
	date_created INTEGER NOT NULL
) STRICT;

CREATE INDEX incident_activity_by_incident ON incident_activity (incident_id, id);

-- a user's notification setting: type (alerts, workflow, deploy, digest), scope (user,
-- organization or project and its id), value (always, never, hourly, daily…)
CREATE TABLE notification_settings (
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	type TEXT NOT NULL,
	scope_type TEXT NOT NULL,
	scope_id INTEGER NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (user_id, type, scope_type, scope_id)
) STRICT;
