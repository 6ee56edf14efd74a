-- Sentry's project firstEvent (issue 23): when the project's first event happened (epoch ms), set
-- once by the creation of its first issue and never cleared. Keep in step with
-- db/migration/postgresql/V9__project_first_event.sql in storage-postgres.
ALTER TABLE projects ADD COLUMN first_event INTEGER;
-- Projects that already have issues: their earliest one.
UPDATE projects SET first_event = (SELECT min(first_seen) FROM issues WHERE issues.project_id = projects.id);
