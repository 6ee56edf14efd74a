#!/usr/bin/env bash
# Session throughput (release health) on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [sessions] [updates per envelope] [warm-up sessions], e.g.
# `bash bench/session-throughput/run.sh embedded 200000 1 20000`.
# The distributed shape needs PostgreSQL on 127.0.0.1:5432 (user postgres) and libchdb (tools/).
# Builds from the reactor (package, never install: ~/.m2 holds jars other builds read).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl bench/session-throughput -am package -DskipTests -Dfaultline.fuzz.skip=true dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="bench/session-throughput/target/classes:$(cat bench/session-throughput/target/classpath.txt)"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dfaultline.tools.dir="$(pwd)/tools" -cp "${cp}" dev.faultline.processor.SessionThroughputBench "$@"
