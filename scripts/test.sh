#!/usr/bin/env bash
# Runs the whole test suite: unit tests, every adapter's contract suite against its real engine
# (SQLite, PostgreSQL, DuckDB, ClickHouse via libchdb, Kafka), and the official SDKs end to end
# in both shapes. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
exec mvn -B -ntp verify "$@"
