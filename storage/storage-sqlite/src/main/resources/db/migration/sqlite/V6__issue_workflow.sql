-- Issue workflow (issue 6): status details, assignees, bookmarks, subscriptions, merge and
-- unmerge, tombstones, releases, saved searches. Keep in step with
-- db/migration/postgresql/V6__issue_workflow.sql in storage-postgres.

-- JSON object of the StatusDetails fields that are set ('{}' for none)
ALTER TABLE issues ADD COLUMN status_details TEXT NOT NULL DEFAULT '{}';
-- when the status was last set by updateStatus (store clock, epoch ms): the resolution time
-- that resolve-in-next-release compares release first-seen times with
ALTER TABLE issues ADD COLUMN status_changed_at INTEGER;
-- copy of StatusDetails.ignoreUntil, for the wakeExpiredIgnores sweep
ALTER TABLE issues ADD COLUMN ignore_until INTEGER;
-- times_seen and user_count when the issue was ignored: ignore counts count from there
ALTER TABLE issues ADD COLUMN ignore_times_seen INTEGER;
ALTER TABLE issues ADD COLUMN ignore_user_count INTEGER;
ALTER TABLE issues ADD COLUMN assignee_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE issues ADD COLUMN assignee_team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;

CREATE INDEX issues_status_last_seen ON issues (project_id, status, last_seen, id);
CREATE INDEX issues_status_first_seen ON issues (project_id, status, first_seen, id);
CREATE INDEX issues_status_times_seen ON issues (project_id, status, times_seen, id);
CREATE INDEX issues_status_user_count ON issues (project_id, status, user_count, id);
CREATE INDEX issues_assignee_user ON issues (assignee_user_id);
CREATE INDEX issues_assignee_team ON issues (assignee_team_id);
CREATE INDEX issues_ignore_until ON issues (status, ignore_until);

-- The last issue id given out. Issue ids are allocated here, not by the id column:
-- SQLite gives a new row the highest rowid + 1, so deleting the newest issue would let the
-- next one reuse its id, and a merged-away or deleted id must keep meaning that issue
-- (redirects, occurrences in flight). One row, locked by each creating transaction.
CREATE TABLE issue_id_counter (
	singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
	last_id INTEGER NOT NULL
) STRICT;

INSERT INTO issue_id_counter (singleton, last_id) SELECT 1, COALESCE(MAX(id), 0) FROM issues;

-- The authority for grouping: every hash routes to exactly one issue of its project.
CREATE TABLE issue_hashes (
	project_id INTEGER NOT NULL,
	hash TEXT NOT NULL,
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	PRIMARY KEY (project_id, hash)
) STRICT;

CREATE INDEX issue_hashes_issue ON issue_hashes (issue_id);

INSERT INTO issue_hashes (project_id, hash, issue_id) SELECT project_id, primary_hash, id FROM issues;

-- What unmerge splits by and merge/unmerge recount from; NULL for events counted before V6
-- (primary_hash is filled from the issue below).
ALTER TABLE issue_events ADD COLUMN primary_hash TEXT;
ALTER TABLE issue_events ADD COLUMN user_key TEXT;
ALTER TABLE issue_events ADD COLUMN seen_at INTEGER;
ALTER TABLE issue_events ADD COLUMN release_version TEXT;

UPDATE issue_events SET primary_hash = (SELECT primary_hash FROM issues WHERE issues.id = issue_events.issue_id);

CREATE INDEX issue_events_issue_hash ON issue_events (issue_id, primary_hash, seen_at);
CREATE INDEX issue_events_issue_seen ON issue_events (issue_id, seen_at);

-- who did it; NULL for the system
ALTER TABLE issue_activities ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;

CREATE INDEX issue_activities_by_type ON issue_activities (type, issue_id);

-- merged-away issue ids and the issue that absorbed them (chains are flattened on merge)
CREATE TABLE issue_redirects (
	previous_issue_id INTEGER PRIMARY KEY,
	-- deleting the project forgets its redirects
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	issue_id INTEGER NOT NULL
) STRICT;

CREATE INDEX issue_redirects_issue ON issue_redirects (issue_id);

-- deleted and discarded issue ids: an occurrence for one is dropped, not refused
CREATE TABLE deleted_issues (
	issue_id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE
) STRICT;

CREATE TABLE issue_tombstones (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	previous_issue_id INTEGER NOT NULL,
	title TEXT NOT NULL,
	culprit TEXT NOT NULL,
	level TEXT NOT NULL,
	-- JSON array of the discarded hashes
	hashes TEXT NOT NULL,
	actor_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX issue_tombstones_project ON issue_tombstones (project_id, created_at, id);

-- lookup of discarded hashes at findOrCreate
CREATE TABLE issue_tombstone_hashes (
	project_id INTEGER NOT NULL,
	hash TEXT NOT NULL,
	tombstone_id INTEGER NOT NULL REFERENCES issue_tombstones (id) ON DELETE CASCADE,
	PRIMARY KEY (project_id, hash)
) STRICT;

CREATE INDEX issue_tombstone_hashes_tombstone ON issue_tombstone_hashes (tombstone_id);

CREATE TABLE issue_bookmarks (
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (issue_id, user_id)
) STRICT;

CREATE INDEX issue_bookmarks_user ON issue_bookmarks (user_id, issue_id);

CREATE TABLE issue_subscriptions (
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (issue_id, user_id)
) STRICT;

CREATE INDEX issue_subscriptions_user ON issue_subscriptions (user_id, issue_id);

-- releases in the order the project first saw them (store clock, epoch ms)
CREATE TABLE project_releases (
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	version TEXT NOT NULL,
	first_seen INTEGER NOT NULL,
	PRIMARY KEY (project_id, version)
) STRICT;

CREATE TABLE saved_searches (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	owner_user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	query TEXT NOT NULL,
	sort TEXT NOT NULL,
	shared INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	-- an owner's names are unique
	UNIQUE (organization_id, owner_user_id, name)
) STRICT;

-- shared names are unique within the organization
CREATE UNIQUE INDEX saved_searches_shared_name ON saved_searches (organization_id, name) WHERE shared;
