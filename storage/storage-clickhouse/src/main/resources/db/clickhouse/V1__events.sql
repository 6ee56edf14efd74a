-- Every statement here is idempotent: the adapter applies all scripts on each open.
--
-- One row per processed event. ReplacingMergeTree collapses rows with equal sorting keys
-- within a partition, and reads use FINAL, so a replayed event (same project, issue,
-- timestamp and event id: processing is deterministic over the stored envelope) is
-- counted once. The key serves the issue page (newest first within an issue) directly;
-- the bloom filter serves lookups by event id.
-- Retention: 90 days (a constant for now), applied by whole weekly partitions.
CREATE TABLE IF NOT EXISTS events
(
    project_id UInt64,
    event_id String,
    issue_id UInt64,
    timestamp DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    platform LowCardinality(String),
    level LowCardinality(String),
    title String,
    culprit String,
    message String,
    release LowCardinality(Nullable(String)),
    environment LowCardinality(Nullable(String)),
    transaction Nullable(String),
    trace_id Nullable(String),
    tags Map(String, String),
    has_user Bool,
    user_id Nullable(String),
    user_username Nullable(String),
    user_email Nullable(String),
    user_ip_address Nullable(String),
    primary_hash String,
    grouping_variant LowCardinality(String),
    payload String CODEC(ZSTD(3)),
    INDEX event_id_bloom event_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toMonday(timestamp)
ORDER BY (project_id, issue_id, timestamp, event_id)
TTL toDateTime(timestamp) + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1
