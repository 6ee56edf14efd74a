-- Organizations' people (issue 19): team membership, invitations, open membership. Keep in
-- step with db/migration/postgresql/V19__people.sql in storage-postgres.

-- Sentry's "open membership": members may join and leave any team by themselves.
ALTER TABLE organizations ADD COLUMN open_membership INTEGER NOT NULL DEFAULT 1;

-- Who is on which team; role is the team role ('contributor' or 'admin').
CREATE TABLE team_members (
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	PRIMARY KEY (team_id, user_id)
) STRICT;

CREATE INDEX team_members_user ON team_members (user_id);

-- Before V19 every member counted as a member of every team of their organization;
-- keep it so.
INSERT INTO team_members (team_id, user_id, role, date_created)
SELECT t.id, m.user_id, 'contributor', m.date_created
FROM teams t JOIN organization_members m ON m.organization_id = t.organization_id;

-- Invitations not yet accepted. Only the SHA-256 of the invitation's secret is kept.
CREATE TABLE organization_invites (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	email TEXT NOT NULL,
	-- lower-cased email (Java, Locale.ROOT), as users.email_key
	email_key TEXT NOT NULL,
	role TEXT NOT NULL,
	-- space-separated ids of the teams joined on accepting
	team_ids TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	inviter_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	date_created INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	UNIQUE (organization_id, email_key)
) STRICT;
