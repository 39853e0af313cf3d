#!/usr/bin/env bash
# Runs a Gengdi benchmark and prints its figures.
#   bench/run.sh store-stream [parcels] [postgis-jdbc-url]   features/s per store and peak heap (foundation issue)
#   bench/run.sh sample [parcels]                           sample-county generation time (target: < 1 min)
# PostGIS: pass a URL, or run `source scripts/pg-env.sh` first (sets GENGDI_TEST_PG_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-store-stream}; shift || true
mvn -B -ntp -q -DskipTests -pl bench -am install
cp=$(cat bench/target/classpath.txt):bench/target/classes
case "$what" in
  store-stream)
    parcels=${1:-50000}
    county=bench/target/county-$parcels.gpkg
    if [ ! -f "$county" ]; then
      echo "Generating the sample county ($parcels parcels) into $county ..."
      java -Xmx3g -cp "$cp" org.gengdi.data.sample.SampleCountyMain "$parcels" 20261123 "$county"
    fi
    exec java -Xmx128m -cp "$cp" org.gengdi.bench.StoreStreamBench "$county" "${@:2}" ;;
  sample)
    out=$(mktemp -d)
    java -Xmx3g -cp "$cp" org.gengdi.data.sample.SampleCountyMain "${1:-50000}" 20261123 "$out/county.gpkg"
    rm -rf "$out" ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
