#!/usr/bin/env bash
# Builds Gengdi and serves the sample county on http://localhost:8080/ (generated into ./gengdi-data on first start).
# Extra arguments go to `gengdi serve`, e.g. scripts/serve.sh --port 9090, or --postgis-url jdbc:postgresql://…
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests -pl ogc-server -am install
exec java -Xmx2g -jar ogc-server/target/gengdi.jar serve "$@"
