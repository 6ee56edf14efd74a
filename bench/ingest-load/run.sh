#!/usr/bin/env bash
# The ingest load benchmark (not run in CI). On loopback, in one run, it measures accepted
# envelopes/s and p50/p99 latency of:
#   1. bare         — an accept-and-discard servlet on the same embedded Tomcat (the ceiling)
#   2. distributed  — ingest-service alone (queue Kafka, metadata PostgreSQL, key cached)
#   3. embedded     — faultline.jar end to end; also waits until every accepted error is
#                     processed and queryable through the Web API, and reports events/s
# Load: wrk with load.lua, replaying unique envelopes made by gen-bodies.py from the recorded
# SDK samples (5 KB Java error event gzip, Node error event, Java transaction), bounded in
# count (requests) and time (seconds).
#
# Needs: wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432 (user postgres, trust),
# python3, and a built tree: mvn -B package -DskipTests (ingest-service exec jar, faultline.jar).
#
# usage: bash bench/ingest-load/run.sh [requests] [connections] [seconds] [targets]
#        BENCH_INGEST_JAVA_OPTS: JVM options of the distributed ingest-service (e.g. a JFR recording)
#        BENCH_EMBEDDED_JAR / BENCH_EMBEDDED_JAVA_OPTS: the faultline.jar to measure (default: this tree's) and its
#        JVM options (e.g. -Dfaultline.processor.threads=1)
#        targets: any of bare,distributed,embedded (default all)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/ingest-load"
REQUESTS="${1:-60000}"
CONNECTIONS="${2:-32}"
SECONDS_MAX="${3:-30}"
TARGETS="${4:-bare,distributed,embedded}"
THREADS=2
# Embedded warm-up envelopes (errors), processed before the measured run starts.
WARM_EMBEDDED="${BENCH_WARM_EMBEDDED:-10000}"
SAMPLES="${FAULTLINE_SAMPLES_DIR:-$ROOT/../shared/reference/sentry-wire/samples}"
WORK="$(mktemp -d /tmp/faultline-bench.XXXXXX)"
KEY=0123456789abcdef0123456789abcdef
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "${BENCH_DB:-}" ]]; then
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cd "$ROOT"
# Built from the reactor (package, never install: ~/.m2 holds jars other builds read).
mvn -o -q -B -pl bench/ingest-load -am package -DskipTests -Dfaultline.fuzz.skip=true dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt"
CP="$HERE/target/classes:$(cat "$WORK/classpath.txt")"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "generating envelopes in $WORK"
if [[ ",$TARGETS," == *",bare,"* || ",$TARGETS," == *",distributed,"* ]]; then
  python3 "$HERE/gen-bodies.py" "$SAMPLES" "$WORK/mix.bin" "$REQUESTS" java,node,transaction
  python3 "$HERE/gen-bodies.py" "$SAMPLES" "$WORK/warm.bin" 20000 java,node,transaction
fi
if [[ ",$TARGETS," == *",embedded,"* ]]; then
  python3 "$HERE/gen-bodies.py" "$SAMPLES" "$WORK/errors.bin" "$REQUESTS" java,node
  python3 "$HERE/gen-bodies.py" "$SAMPLES" "$WORK/warm-errors.bin" "$WARM_EMBEDDED" java,node
fi

wait_for() { # url
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  echo "timed out waiting for $1" >&2; exit 1
}

load() { # label base-url path bodies requests
  local per_thread=$(( ($5 + THREADS - 1) / THREADS ))
  BENCH_THREADS=$THREADS BENCH_REQUESTS_PER_THREAD=$per_thread BENCH_PATH="$3" BENCH_BODIES="$4" \
    BENCH_AUTH="Sentry sentry_version=7, sentry_client=bench/1.0, sentry_key=$KEY" \
    wrk -t$THREADS -c"$CONNECTIONS" -d"${SECONDS_MAX}s" --timeout 10s -s "$HERE/load.lua" "$2" \
    | grep '^RESULT' | sed "s/^RESULT/$1/"
}

if [[ ",$TARGETS," == *",bare,"* ]]; then
  java -cp "$CP" dev.faultline.bench.ingest.BareServer 18081 > "$WORK/bare.log" 2>&1 & PIDS+=($!)
  wait_for http://127.0.0.1:18081/
  load "bare(warm-up)" http://127.0.0.1:18081 /api/1/envelope/ "$WORK/warm.bin" 20000 >/dev/null
  load "bare" http://127.0.0.1:18081 /api/1/envelope/ "$WORK/mix.bin" "$REQUESTS"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
fi

if [[ ",$TARGETS," == *",distributed,"* ]]; then
  BENCH_DB="faultline_bench_$$"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $BENCH_DB" >/dev/null
  java -cp "$CP" dev.faultline.bench.ingest.KafkaBroker "$WORK/kafka.txt" > "$WORK/kafka.log" 2>&1 & PIDS+=($!)
  for _ in $(seq 1 300); do [[ -s "$WORK/kafka.txt" ]] && break; sleep 0.2; done
  PROJECT=$(java -cp "$CP" dev.faultline.bench.ingest.SeedPostgres "jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" postgres "$KEY" 2>>"$WORK/seed.log" | tail -1)
  FAULTLINE_QUEUE_TYPE=kafka FAULTLINE_QUEUE_KAFKA_BOOTSTRAP_SERVERS="$(cat "$WORK/kafka.txt")" \
    FAULTLINE_METADATA_TYPE=postgres FAULTLINE_METADATA_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
    FAULTLINE_METADATA_POSTGRES_USERNAME=postgres SERVER_PORT=18082 SERVER_ADDRESS=127.0.0.1 \
    java ${BENCH_INGEST_JAVA_OPTS:-} -jar "$ROOT"/ingest-service/target/faultline-ingest-service-*-exec.jar > "$WORK/ingest.log" 2>&1 & PIDS+=($!)
  wait_for http://127.0.0.1:18082/actuator/health
  load "distributed(warm-up)" http://127.0.0.1:18082 "/api/$PROJECT/envelope/" "$WORK/warm.bin" 20000 >/dev/null
  load "distributed" http://127.0.0.1:18082 "/api/$PROJECT/envelope/" "$WORK/mix.bin" "$REQUESTS"
fi

if [[ ",$TARGETS," == *",embedded,"* ]]; then
  # The distributed run's processes are stopped first: the embedded shape gets the machine.
  cleanup; PIDS=(); BENCH_DB=""
  TOKEN=bench-admin-token-0123456789abcdef
  FAULTLINE_DATA_DIR="$WORK/data" FAULTLINE_ADMIN_TOKEN=$TOKEN FAULTLINE_ADMIN_PASSWORD=bench-password \
    FAULTLINE_PUBLIC_URL=http://127.0.0.1:18083 SERVER_PORT=18083 SERVER_ADDRESS=127.0.0.1 \
    java ${BENCH_EMBEDDED_JAVA_OPTS:-} -jar "${BENCH_EMBEDDED_JAR:-$ROOT/standalone/target/faultline.jar}" > "$WORK/standalone.log" 2>&1 & PIDS+=($!)
  SERVER_PID=$!
  cpu_ms() { # the server's CPU time (user + system) in ms, from /proc (USER_HZ = 100)
    awk '{print ($14 + $15) * 10}' "/proc/$SERVER_PID/stat"
  }
  wait_for http://127.0.0.1:18083/api/0/
  # The admin token is registered just after the server starts answering.
  for _ in $(seq 1 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" http://127.0.0.1:18083/api/0/)" == 200 ]] && break
    sleep 0.2
  done
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Bench","platform":"java"}' http://127.0.0.1:18083/api/0/teams/faultline/faultline/projects/ >/dev/null
  DSN=$(curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:18083/api/0/projects/faultline/bench/keys/ \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["dsn"]["public"])')
  KEY=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).username)' "$DSN")
  PROJECT=${DSN##*/}
  events() { # errors stored and queryable: the sum of the project's issue counts
    curl -s -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:18083/api/0/projects/faultline/bench/issues/?query=&statsPeriod=&limit=100" \
      | python3 -c 'import json,sys; print(sum(int(i["count"]) for i in json.load(sys.stdin)))'
  }
  load "embedded(warm-up)" http://127.0.0.1:18083 "/api/$PROJECT/envelope/" "$WORK/warm-errors.bin" "$WARM_EMBEDDED" >/dev/null
  for _ in $(seq 1 1200); do [[ "$(events)" -ge "$WARM_EMBEDDED" ]] && break; sleep 0.5; done
  BASE=$(events)
  # wrk itself runs for its whole -d even when every thread stopped at the count, so the
  # stored events are polled while it runs and the clock stops when the last one is queryable.
  START=$(date +%s.%N)
  CPU_START=$(cpu_ms)
  load "embedded" http://127.0.0.1:18083 "/api/$PROJECT/envelope/" "$WORK/errors.bin" "$REQUESTS" > "$WORK/embedded.txt" &
  WRK=$!
  EXPECTED=$REQUESTS
  while true; do
    STORED=$(( $(events) - BASE ))
    if [[ -s "$WORK/embedded.txt" ]]; then
      # wrk may send a few more than the count (requests in flight at the stop), which
      # repeat envelopes the processor deduplicates.
      EXPECTED=$(sed -E 's/.* ok=([0-9]+).*/\1/' "$WORK/embedded.txt")
      (( EXPECTED > REQUESTS )) && EXPECTED=$REQUESTS
    fi
    [[ "$STORED" -ge "$EXPECTED" ]] && break
    if ! kill -0 "$WRK" 2>/dev/null && [[ ! -s "$WORK/embedded.txt" ]]; then echo "wrk failed" >&2; exit 1; fi
    sleep 0.25
  done
  END=$(date +%s.%N)
  CPU_END=$(cpu_ms)
  wait "$WRK" || true
  cat "$WORK/embedded.txt"
  ACCEPTED=$(sed -E 's/.* ok=([0-9]+).*/\1/' "$WORK/embedded.txt")
  python3 -c "import sys; s,e,n,a,c=map(float,sys.argv[1:]); print('embedded-processed events=%d of accepted=%d seconds=%.2f processed_queryable_per_s=%.0f server_cpu_ms=%d server_cpu_us_per_event=%.0f' % (n,a,e-s,n/(e-s),c,c*1000/n))" \
    "$START" "$END" "$STORED" "$ACCEPTED" "$(( CPU_END - CPU_START ))"
fi
