#!/usr/bin/env bash
# Runs the sdk-java JMH benchmarks by hand (never part of `mvn verify`), then the
# allocation probe. Extra arguments go to JMH, e.g. `bash bench/sdk-jmh/run.sh -prof gc`.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -pl bench/sdk-jmh -DskipTests install
mvn -q -B -pl bench/sdk-jmh dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="bench/sdk-jmh/target/classes:$(cat bench/sdk-jmh/target/classpath.txt)"
java -cp "${cp}" org.openjdk.jmh.Main CaptureBenchmark "$@"
java -cp "${cp}" dev.faultline.bench.sdk.AllocationProbe
