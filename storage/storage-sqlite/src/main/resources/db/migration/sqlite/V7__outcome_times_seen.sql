-- Items counted per outcome counter besides their quantity (issue 14): Sentry's times_seen, which
-- differs from the quantity for attachments (bytes). Keep in step with
-- db/migration/postgresql/V7__outcome_times_seen.sql in storage-postgres.
ALTER TABLE outcomes ADD COLUMN times_seen INTEGER NOT NULL DEFAULT 0;
-- Counters so far were of items counted one by one (attachments were never recorded).
UPDATE outcomes SET times_seen = quantity;
