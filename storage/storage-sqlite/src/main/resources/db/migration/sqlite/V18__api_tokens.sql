-- Personal and organization API tokens (issue 19). Keep in step with
-- db/migration/postgresql/V18__api_tokens.sql in storage-postgres.
-- An organization token (Sentry's sntrys_ CI token) has organization_id set and belongs to
-- that organization alone; user_id is then the member who created it. A personal token
-- has no organization_id.
ALTER TABLE api_tokens ADD COLUMN organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE;
-- the last characters of the token, so a list can tell tokens apart ('' before V18)
ALTER TABLE api_tokens ADD COLUMN token_last_characters TEXT NOT NULL DEFAULT '';
-- epoch milliseconds of the last request the token authenticated; NULL when never
ALTER TABLE api_tokens ADD COLUMN date_last_used INTEGER;

CREATE INDEX api_tokens_organization ON api_tokens (organization_id);
