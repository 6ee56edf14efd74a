#!/usr/bin/env bash
# Processor throughput on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [events] [groups], e.g. `bash bench/processor-throughput/run.sh both 20000 50`.
# The distributed shape needs PostgreSQL on 127.0.0.1:5432 (user postgres) and libchdb (tools/).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl bench/processor-throughput -DskipTests install
mvn -q -B -o -pl bench/processor-throughput dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="bench/processor-throughput/target/classes:$(cat bench/processor-throughput/target/classpath.txt)"
java -Xmx2g -Dfaultline.tools.dir="$(pwd)/tools" -cp "${cp}" dev.faultline.processor.ProcessorThroughputBench "$@"
