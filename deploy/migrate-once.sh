#!/bin/sh
# One-time init of the distributed shape (docker compose service `migrate`, Helm hook Job `…-migrate`), run with the
# api-service image and the services' environment.
#
# Every Faultline service migrates its stores when it starts (PostgreSQL: Flyway under an advisory lock; ClickHouse:
# idempotent IF NOT EXISTS scripts) and the API's first-start bootstrap tolerates concurrent replicas, so this step is
# not needed for correctness. It exists so that an upgrade migrates once, before any new replica starts: a failing
# migration stops the rollout here, visibly, instead of crash-looping every replica; the administrator's generated
# password (first start without FAULTLINE_ADMIN_PASSWORD) is printed in this container's log.
#
# It starts the API service, waits until it is ready (stores open and migrated, ApplicationRunners such as the
# first-start bootstrap done), then stops it gracefully and exits 0. It exits non-zero when the service exits first
# (e.g. a failed migration: the service's exit status) or is not ready within MIGRATE_TIMEOUT seconds (default 600).
# SERVICE_JAR (default /app/service.jar) names the jar, e.g. to try the script outside the image.
set -u
port="${SERVER_PORT:-8080}"
timeout="${MIGRATE_TIMEOUT:-600}"
jar="${SERVICE_JAR:-/app/service.jar}"
export MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true

java -jar "$jar" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null' TERM INT

waited=0
until curl -fsS -o /dev/null "http://localhost:${port}/actuator/health/readiness"; do
	if ! kill -0 "$pid" 2>/dev/null; then
		wait "$pid"
		status=$?
		echo "migrate: the service exited with status ${status} before it was ready" >&2
		exit $(( status == 0 ? 1 : status ))
	fi
	if [ "$waited" -ge "$timeout" ]; then
		echo "migrate: not ready after ${timeout}s" >&2
		kill -TERM "$pid"
		wait "$pid"
		exit 1
	fi
	sleep 2
	waited=$((waited + 2))
done

echo "migrate: stores migrated and bootstrapped; stopping"
kill -TERM "$pid"
wait "$pid"
exit 0
