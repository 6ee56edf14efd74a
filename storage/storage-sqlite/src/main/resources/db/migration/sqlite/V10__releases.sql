-- Releases, deploys, repositories, commits and artifact bundles (issue 17): what sentry-cli's
-- releases, set-commits, deploys and sourcemaps upload commands store. Keep in step with
-- db/migration/postgresql/V10__releases.sql in storage-postgres. Times are epoch ms.

-- a release of an organization, unique by version (Sentry's idempotent create);
-- status 0 = open, 1 = archived; AUTOINCREMENT so that a deleted release's id is never
-- handed to another (PostgreSQL's identity never repeats either)
CREATE TABLE releases (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	version TEXT NOT NULL,
	ref TEXT,
	url TEXT,
	status INTEGER NOT NULL,
	date_created INTEGER NOT NULL,
	date_started INTEGER,
	date_released INTEGER,
	UNIQUE (organization_id, version)
) STRICT;

CREATE INDEX releases_by_date ON releases (organization_id, date_created, id);

CREATE TABLE release_projects (
	release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	PRIMARY KEY (release_id, project_id)
) STRICT;

CREATE INDEX release_projects_project ON release_projects (project_id, release_id);

CREATE TABLE deploys (
	id INTEGER PRIMARY KEY,
	release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
	environment TEXT NOT NULL,
	name TEXT,
	url TEXT,
	date_started INTEGER,
	date_finished INTEGER NOT NULL
) STRICT;

CREATE INDEX deploys_release ON deploys (release_id, date_finished, id);

-- code repositories by name; created by hand (repos endpoint) or by the first commit
-- list that names them
CREATE TABLE repositories (
	id INTEGER PRIMARY KEY,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	url TEXT,
	provider TEXT NOT NULL,
	date_created INTEGER NOT NULL,
	UNIQUE (organization_id, name)
) STRICT;

CREATE TABLE commits (
	id INTEGER PRIMARY KEY,
	repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
	sha TEXT NOT NULL,
	message TEXT,
	author_name TEXT,
	author_email TEXT,
	date_created INTEGER,
	UNIQUE (repository_id, sha)
) STRICT;

CREATE TABLE commit_file_changes (
	commit_id INTEGER NOT NULL REFERENCES commits (id) ON DELETE CASCADE,
	filename TEXT NOT NULL,
	type TEXT NOT NULL,
	PRIMARY KEY (commit_id, filename)
) STRICT;

-- a release's commits in the order they were set (ordinal 0 = the newest, Sentry's
-- lastCommit)
CREATE TABLE release_commits (
	release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
	commit_id INTEGER NOT NULL REFERENCES commits (id) ON DELETE CASCADE,
	ordinal INTEGER NOT NULL,
	PRIMARY KEY (release_id, commit_id)
) STRICT;

CREATE INDEX release_commits_commit ON release_commits (commit_id);

-- Releases already seen on events become releases of their organization.
INSERT INTO releases (organization_id, version, status, date_created)
SELECT p.organization_id, pr.version, 0, min(pr.first_seen)
FROM project_releases pr JOIN projects p ON p.id = pr.project_id
GROUP BY p.organization_id, pr.version;

INSERT INTO release_projects (release_id, project_id)
SELECT r.id, pr.project_id
FROM project_releases pr JOIN projects p ON p.id = pr.project_id
JOIN releases r ON r.organization_id = p.organization_id AND r.version = pr.version;

-- the release of an issue's first counted event (Sentry's firstRelease), for a
-- release's newGroups; set by the counter update of that event
ALTER TABLE issues ADD COLUMN first_release TEXT;
UPDATE issues SET first_release = (SELECT e.release_version FROM issue_events e WHERE e.issue_id = issues.id
	ORDER BY e.seen_at, e.event_id LIMIT 1);
CREATE INDEX issues_first_release ON issues (project_id, first_release);

-- Source maps (issue 17): chunks of sentry-cli's chunk upload, by the sha1 of their
-- uncompressed bytes, until an assemble request joins them into an artifact bundle
CREATE TABLE upload_chunks (
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	checksum TEXT NOT NULL,
	data BLOB NOT NULL,
	date_created INTEGER NOT NULL,
	PRIMARY KEY (organization_id, checksum)
) STRICT;

-- an assembled artifact bundle (the ZIP sentry-cli builds: manifest.json + files), by
-- the sha1 of its bytes; state assembling | ok | error (with detail); bundle_id is the
-- manifest's debug_id
CREATE TABLE artifact_bundles (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	checksum TEXT NOT NULL,
	bundle_id TEXT,
	state TEXT NOT NULL,
	detail TEXT,
	release TEXT,
	dist TEXT,
	file_count INTEGER NOT NULL,
	data BLOB,
	date_created INTEGER NOT NULL,
	UNIQUE (organization_id, checksum)
) STRICT;

CREATE TABLE artifact_bundle_projects (
	bundle_id INTEGER NOT NULL REFERENCES artifact_bundles (id) ON DELETE CASCADE,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	PRIMARY KEY (bundle_id, project_id)
) STRICT;

CREATE INDEX artifact_bundle_projects_project ON artifact_bundle_projects (project_id, bundle_id);

-- the files of a bundle by their entry in its ZIP, indexed by debug id and by URL
-- (~/app.min.js) for symbolication; source_map is the file's sourcemap header
CREATE TABLE artifact_bundle_files (
	bundle_id INTEGER NOT NULL REFERENCES artifact_bundles (id) ON DELETE CASCADE,
	path TEXT NOT NULL,
	url TEXT NOT NULL,
	type TEXT NOT NULL,
	debug_id TEXT,
	source_map TEXT,
	PRIMARY KEY (bundle_id, path)
) STRICT;

CREATE INDEX artifact_bundle_files_debug_id ON artifact_bundle_files (debug_id, type);
CREATE INDEX artifact_bundle_files_url ON artifact_bundle_files (url, bundle_id);
