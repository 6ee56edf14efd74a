-- Every statement here is idempotent: the adapter applies all scripts on each open.
--
-- One row per span, segment (a transaction) or child. ReplacingMergeTree collapses rows
-- with equal sorting keys within a partition, and reads that return or count spans use
-- FINAL, so a replayed span (same project, trace, span id and end: processing is
-- deterministic over the stored envelope) is counted once. The key serves the trace view
-- (all spans of a trace in a project) directly. Start and end keep microseconds.
-- Retention: 90 days like the events, applied by whole weekly partitions.
CREATE TABLE IF NOT EXISTS spans
(
    project_id UInt64,
    trace_id String,
    span_id String,
    parent_span_id Nullable(String),
    segment_id Nullable(String),
    transaction_id Nullable(String),
    is_segment Bool,
    start_timestamp DateTime64(6, 'UTC'),
    end_timestamp DateTime64(6, 'UTC'),
    duration_ms Float64,
    exclusive_time_ms Float64,
    received_at DateTime64(3, 'UTC'),
    op LowCardinality(Nullable(String)),
    description Nullable(String),
    status LowCardinality(Nullable(String)),
    transaction_name Nullable(String),
    release LowCardinality(Nullable(String)),
    environment LowCardinality(Nullable(String)),
    platform LowCardinality(Nullable(String)),
    sdk_name LowCardinality(Nullable(String)),
    has_user Bool,
    user_id Nullable(String),
    user_username Nullable(String),
    user_email Nullable(String),
    user_ip_address Nullable(String),
    sample_weight Float64,
    measurements Map(String, Float64),
    measurement_units Map(String, String),
    tags Map(String, String),
    data Map(String, String) CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree
PARTITION BY toMonday(end_timestamp)
ORDER BY (project_id, trace_id, span_id)
TTL toDateTime(end_timestamp) + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1
