#!/usr/bin/env bash
# Builds Faultline and runs it in the embedded shape: one process, data in $FAULTLINE_DATA_DIR
# (default ./data), listening on $SERVER_PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh --for-run
mvn -q -B -ntp -DskipTests package
exec java ${JAVA_OPTS:-} -jar standalone/target/faultline.jar "$@"
