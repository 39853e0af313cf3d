#!/usr/bin/env bash
# Runs every Gengdi test on this machine: installs what the tests need (PostGIS, GDAL, OWSLib, fonts), starts or
# reuses PostGIS with a database of our own, then builds all modules and runs all tests, PostGIS ones included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-env.sh
# shellcheck source=pg-env.sh
source scripts/pg-env.sh
cleanup() { bash scripts/pg-env.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT
mvn -B -ntp verify -Dgengdi.test.pg.url="$GENGDI_TEST_PG_URL" "$@"
