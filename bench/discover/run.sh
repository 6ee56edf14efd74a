#!/usr/bin/env bash
# Discover query latency and streamed export memory on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [events] [iterations], e.g.
# `bash bench/discover/run.sh both 10000000 50` (the issue 22 acceptance size, the default).
# The distributed shape needs libchdb (tools/).
# The classpath comes from exec-maven-plugin over the reactor (this tree's modules, nothing installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Packaging and printing the classpath in one session makes it name this tree's jars (bench/discover's line is last).
mkdir -p bench/discover/target
mvn -q -B -o -Dstyle.color=never -pl bench/discover -am -DskipTests -Dfaultline.fuzz.skip=true package \
	org.codehaus.mojo:exec-maven-plugin:3.6.2:exec -Dexec.executable=echo -Dexec.args="%classpath" \
	| sed 's/\x1b\[[0-9;]*m//g' | grep -v '^$' | tail -1 >bench/discover/target/classpath.txt
java -Xmx4g -Dfaultline.tools.dir="$(pwd)/tools" -cp "$(cat bench/discover/target/classpath.txt)" \
	dev.faultline.bench.discover.DiscoverBench "$@"
