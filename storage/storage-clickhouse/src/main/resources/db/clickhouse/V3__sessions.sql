-- Every statement here is idempotent: the adapter applies all scripts on each open.
--
-- Release health: one row per session. Each update of a session is inserted as a row with
-- the same sorting key (project_id, session_id); AggregatingMergeTree merges them with the
-- SimpleAggregateFunction of each column, and every read uses FINAL, so a query sees one
-- merged row per session whatever the order of its updates and however often one was
-- replayed: init once any update started it, errors the greatest, version the greatest.
-- version = seq * 2^64 + timestamp_ms * 8 + status code (StoredSession.version), so the
-- latest update by sequence, then time, sets the status (version % 8). started, release,
-- environment and quantity are the same in every update of a session (the protocol fixes
-- them at its start). A group of a session aggregate is a row of its own standing for
-- `quantity` sessions. An absent distinct id or environment is ''. No IP address or user
-- agent is kept. Retention: 90 days like the events, by whole weekly partitions.
CREATE TABLE IF NOT EXISTS sessions
(
    project_id UInt64,
    session_id String,
    started DateTime64(3, 'UTC'),
    release LowCardinality(String),
    environment LowCardinality(String),
    quantity UInt32,
    distinct_id SimpleAggregateFunction(max, String),
    init SimpleAggregateFunction(max, UInt8),
    errors SimpleAggregateFunction(max, UInt64),
    version SimpleAggregateFunction(max, UInt128),
    received_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toMonday(started)
ORDER BY (project_id, session_id)
TTL toDateTime(started) + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1
