#!/usr/bin/env bash
# Processor throughput on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [events] [groups] [warm-up events, processed first and not measured], e.g. `bash bench/processor-throughput/run.sh both 20000 50`.
# BENCH_JAVA_OPTS: extra JVM options, e.g. a JFR recording
# ("-XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile") or -Dfaultline.processor.threads=2.
# The distributed shape needs PostgreSQL on 127.0.0.1:5432 (user postgres) and libchdb (tools/).
# Builds from the reactor (package, never install: ~/.m2 holds jars other builds read).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl bench/processor-throughput -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="bench/processor-throughput/target/classes:$(cat bench/processor-throughput/target/classpath.txt)"
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dfaultline.tools.dir="$(pwd)/tools" -cp "${cp}" dev.faultline.processor.ProcessorThroughputBench "$@"
