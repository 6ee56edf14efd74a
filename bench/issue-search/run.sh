#!/usr/bin/env bash
# Issue list latency with search filters on both shapes (never part of `mvn verify`). Arguments:
# [embedded|distributed|both] [events] [issues] [iterations], e.g.
# `bash bench/issue-search/run.sh both 1000000 10000 200` (the issue 6 acceptance size, the default).
# The distributed shape needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and libchdb (tools/).
# The classpath comes from exec-maven-plugin (maven-dependency-plugin lacks a dependency offline here).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o -pl bench/issue-search -DskipTests install
mvn -q -B -o -Dstyle.color=never -pl bench/issue-search org.codehaus.mojo:exec-maven-plugin:3.6.2:exec \
	-Dexec.executable=echo -Dexec.args="%classpath" | sed 's/\x1b\[[0-9;]*m//g' >bench/issue-search/target/classpath.txt
java -Xmx4g -Dfaultline.tools.dir="$(pwd)/tools" -cp "$(cat bench/issue-search/target/classpath.txt)" \
	dev.faultline.bench.search.IssueSearchBench "$@"
