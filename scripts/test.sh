#!/usr/bin/env bash
# Runs the whole test suite: unit tests, every adapter's contract suite against its real engine
# (SQLite, PostgreSQL, DuckDB, ClickHouse via libchdb, Kafka), and the official SDKs end to end
# in both shapes. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
# The distributed shape's compose file must stay valid (no Docker engine is needed for this).
if docker compose version >/dev/null 2>&1; then docker compose config -q; elif command -v docker-compose >/dev/null; then docker-compose config -q; else echo "docker compose not installed: compose file not validated"; fi
exec mvn -B -ntp verify "$@"
