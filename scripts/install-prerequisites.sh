#!/usr/bin/env bash
# Installs what building and testing Faultline needs on a fresh Debian 12 machine, skipping what
# is already there: a JDK 17+, Maven, Node.js >= 20.19 with npm, PostgreSQL (running),
# and the npm-provided engines and clients in tools/ (libchdb, the official Sentry SDKs).
# Usage: scripts/install-prerequisites.sh [--for-run]   (--for-run: only what building and running needs)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
	if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then apt_install openjdk-17-jdk-headless; fi
command -v mvn >/dev/null || apt_install maven

node_ok() {
	command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a==20&&b>=19)?0:1)'
}
if ! node_ok; then
	apt_install nodejs npm
	node_ok || { echo "Node.js >= 20.19 is required by the web UI build (Vite) and @sentry/node 11 (found $(node --version 2>/dev/null))" >&2; exit 1; }
fi

# Building (web-ui) needs Node.js too; the rest is for the tests.
[ "${1:-}" = "--for-run" ] && exit 0

# PostgreSQL: the machine's own server on 127.0.0.1:5432 (trust auth for local test databases).
if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
	version=$(ls /etc/postgresql | sort -V | tail -1)
	as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
	for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! psql -h 127.0.0.1 -U postgres -tAc 'select 1' >/dev/null 2>&1; then
	# A fresh Debian cluster only trusts the postgres OS user over the socket: trust loopback too.
	hba=$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -1)
	as_root sed -i -E 's/^(host\s+all\s+all\s+(127.0.0.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
	as_root -u postgres psql -qc 'select pg_reload_conf()' >/dev/null 2>&1 || su postgres -c "psql -qc 'select pg_reload_conf()'" >/dev/null
fi


# Debian's Chromium for the web UI's browser journey (driven by playwright-core, which downloads nothing).
command -v chromium >/dev/null || apt_install chromium

# libchdb (the ClickHouse engine as a library), the official SDKs, sentry-cli, playwright-core and axe-core,
# pinned by tools/package-lock.json. sentry-cli's binary is its optional npm dependency
# @sentry/cli-linux-x64; SENTRYCLI_SKIP_DOWNLOAD keeps its install script from fetching one from Sentry's CDN.
if [ ! -f tools/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so ] || [ ! -d tools/node_modules/@sentry/node ] \
	|| [ ! -d tools/node_modules/playwright-core ] || [ ! -d tools/node_modules/@sentry/browser ] \
	|| [ ! -d tools/node_modules/axe-core ] || [ ! -d tools/node_modules/@sentry/cli-linux-x64 ] \
	|| [ ! -d tools/node_modules/pg ] \
	|| [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
	SENTRYCLI_SKIP_DOWNLOAD=1 npm --prefix tools ci --no-audit --no-fund --loglevel=error
fi
