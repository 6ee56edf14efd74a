#!/usr/bin/env bash
# Span throughput and performance-page query latency on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [segments] [spans per segment] [seeded transactions] [warm-up segments], e.g.
# `bash bench/span-throughput/run.sh embedded 2000 50 1000000 200`.
# The distributed shape needs PostgreSQL on 127.0.0.1:5432 (user postgres) and libchdb (tools/).
# Builds from the reactor (package, never install: ~/.m2 holds jars other builds read).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl bench/span-throughput -am package -DskipTests -Dfaultline.fuzz.skip=true dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="bench/span-throughput/target/classes:$(cat bench/span-throughput/target/classpath.txt)"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dfaultline.tools.dir="$(pwd)/tools" -cp "${cp}" dev.faultline.processor.SpanThroughputBench "$@"
