-- Metadata schema, SQLite flavour. Keep in step with db/migration/postgresql/V1__metadata.sql
-- in storage-postgres: the shared JDBC stores run the same statements on both.
-- Timestamps are epoch milliseconds (INTEGER). STRICT tables make SQLite reject values of
-- the wrong type instead of storing them silently.

CREATE TABLE organizations (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	date_created INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL,
	-- lower-cased email (Java, Locale.ROOT): emails are unique ignoring case
	email_key TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	date_created INTEGER NOT NULL
) STRICT;

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	-- space-separated scope names
	scopes TEXT NOT NULL,
	date_created INTEGER NOT NULL
) STRICT;

CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE organization_members (
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	PRIMARY KEY (organization_id, user_id)
) STRICT;

CREATE INDEX organization_members_user ON organization_members (user_id);

CREATE TABLE teams (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	UNIQUE (organization_id, slug),
	-- target of projects' composite key: a project's team is of the project's organization
	UNIQUE (organization_id, id)
) STRICT;

CREATE TABLE projects (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	team_id INTEGER NOT NULL,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	platform TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	-- last short number given to an issue of this project
	issue_counter INTEGER NOT NULL DEFAULT 0,
	UNIQUE (organization_id, slug),
	FOREIGN KEY (organization_id, team_id) REFERENCES teams (organization_id, id)
) STRICT;

CREATE TABLE project_keys (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	public_key TEXT NOT NULL UNIQUE,
	secret_key TEXT NOT NULL,
	label TEXT NOT NULL,
	active INTEGER NOT NULL,
	date_created INTEGER NOT NULL
) STRICT;

CREATE INDEX project_keys_project ON project_keys (project_id);

CREATE TABLE issues (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	short_number INTEGER NOT NULL,
	primary_hash TEXT NOT NULL,
	title TEXT NOT NULL,
	culprit TEXT NOT NULL,
	level TEXT NOT NULL,
	type TEXT NOT NULL,
	-- JSON object of string values
	metadata TEXT NOT NULL,
	-- unresolved | resolved | ignored
	status TEXT NOT NULL,
	times_seen INTEGER NOT NULL,
	user_count INTEGER NOT NULL,
	first_seen INTEGER NOT NULL,
	last_seen INTEGER NOT NULL,
	UNIQUE (project_id, primary_hash),
	UNIQUE (project_id, short_number)
) STRICT;

-- one index per sort of the issue list (IssueSort); ties are broken by id
CREATE INDEX issues_last_seen ON issues (project_id, last_seen, id);
CREATE INDEX issues_first_seen ON issues (project_id, first_seen, id);
CREATE INDEX issues_times_seen ON issues (project_id, times_seen, id);
CREATE INDEX issues_user_count ON issues (project_id, user_count, id);

-- events already counted: makes recordOccurrence exactly-once per (project, event id)
CREATE TABLE issue_events (
	project_id INTEGER NOT NULL,
	event_id TEXT NOT NULL,
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	PRIMARY KEY (project_id, event_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX issue_events_issue ON issue_events (issue_id);

-- distinct user keys per issue: makes user_count count each user once
CREATE TABLE issue_users (
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	user_key TEXT NOT NULL,
	PRIMARY KEY (issue_id, user_key)
) STRICT, WITHOUT ROWID;
