-- Discover's saved queries and dashboards (issue 22). Each keeps the Web API's JSON as a
-- document, with the columns it is scoped and looked up by.

CREATE TABLE discover_saved_queries (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	-- NULL once the owner is gone: the query then lives on only if shared
	owner_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	name TEXT NOT NULL,
	shared INTEGER NOT NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX discover_saved_queries_organization ON discover_saved_queries (organization_id, owner_user_id);

CREATE TABLE dashboards (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	-- Sentry: a title is unique within the organization
	UNIQUE (organization_id, title)
) STRICT;
