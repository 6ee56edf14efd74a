#!/usr/bin/env bash
# Measures the embedded shape's start-up time (process start → Web API answering) and its idle
# resident memory, on a fresh data directory. Build first: mvn -q -B -DskipTests package
# Usage: bench/startup.sh [runs]   Prints one line per run and the median start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=standalone/target/faultline.jar
[ -f "$jar" ] || { echo "missing $jar: run mvn -q -B -DskipTests package" >&2; exit 1; }
token=bench-token-$RANDOM$RANDOM
times=()
for run in $(seq 1 "$runs"); do
	data=$(mktemp -d)
	port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
	start=$(date +%s%N)
	SERVER_PORT=$port FAULTLINE_DATA_DIR=$data FAULTLINE_ADMIN_TOKEN=$token FAULTLINE_ADMIN_PASSWORD=bench \
		java ${JAVA_OPTS:-} -jar "$jar" >"$data/log" 2>&1 &
	pid=$!
	until curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/0/"; do
		kill -0 $pid 2>/dev/null || { cat "$data/log"; exit 1; }
		sleep 0.05
	done
	ready=$(( ($(date +%s%N) - start) / 1000000 ))
	sleep 10
	rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
	kill $pid; wait $pid 2>/dev/null || true
	rm -rf "$data"
	echo "run $run: ready in ${ready} ms, idle RSS ${rss} MB (after 10 s)"
	times+=("$ready")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median start-up: " a[int((NR+1)/2)] " ms"}'
