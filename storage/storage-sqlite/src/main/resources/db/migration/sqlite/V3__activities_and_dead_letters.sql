-- Processing (issue 5): the activity log of issues and the processor's dead letters.
-- Times are epoch milliseconds, like every other time column.

CREATE TABLE issue_activities (
	id INTEGER PRIMARY KEY,
	issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
	-- first_seen | set_regression | set_resolved | set_unresolved | set_ignored
	type TEXT NOT NULL,
	-- JSON object of string values
	data TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE INDEX issue_activities_by_issue ON issue_activities (issue_id, id);

-- No foreign key to projects: parking must succeed for a project deleted since its
-- envelope was queued.
CREATE TABLE dead_letters (
	id INTEGER PRIMARY KEY,
	project_id INTEGER NOT NULL,
	queue_position TEXT NOT NULL,
	-- -1 when the whole envelope is unreadable
	item_index INTEGER NOT NULL,
	item_type TEXT NOT NULL,
	reason TEXT NOT NULL,
	detail TEXT NOT NULL,
	payload BLOB NOT NULL,
	received_at INTEGER NOT NULL,
	parked_at INTEGER NOT NULL,
	UNIQUE (queue_position, item_index)
);
