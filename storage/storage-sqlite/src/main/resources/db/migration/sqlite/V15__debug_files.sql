-- Debug information files (issue 17): ProGuard/R8 mappings uploaded by sentry-cli
-- (upload-proguard, proguard upload) through the chunk upload and difs/assemble/, kept
-- per project by the sha1 of their bytes and looked up by their debug id (a mapping's
-- UUID). Keep in step with db/migration/postgresql/V15__debug_files.sql in
-- storage-postgres. Times are epoch ms. Bytes live here as the artifact bundles' do.
CREATE TABLE debug_files (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
	checksum TEXT NOT NULL,
	debug_id TEXT NOT NULL,
	symbol_type TEXT NOT NULL,
	object_name TEXT NOT NULL,
	features TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB NOT NULL,
	date_created INTEGER NOT NULL,
	UNIQUE (project_id, checksum)
) STRICT;

CREATE INDEX debug_files_debug_id ON debug_files (project_id, debug_id, symbol_type);
