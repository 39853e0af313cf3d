#!/usr/bin/env bash
# Runs a Gengdi benchmark and prints its figures.
#   bench/run.sh store-stream [parcels] [postgis-jdbc-url]   features/s per store and peak heap (foundation issue)
#   bench/run.sh sample [parcels]                           sample-county generation time (target: < 1 min)
#   bench/run.sh wfs-load [geopackage|postgis|all] [--jfr] [WfsLoadBench options]
#                                                           WFS GetFeature load and heap while streaming (WFS issue)
#   bench/run.sh wms-load [geopackage|postgis|all] [WmsLoadBench options]
#                                                           WMS GetMap throughput and latency (WMS issue)
#   bench/run.sh wmts-load [geopackage|postgis|all] [WmtsLoadBench options]
#                                                           WMTS cached-tile throughput and latency (WMS issue)
#   bench/run.sh analyses [runs] [max-parcels]              OccupationAnalysis latency (road, block) and the same
#                                                           occupation in PostGIS SQL; ContiguityScore on the county
#                                                           red line and on up to 1,000,000 parcels; plan validation
#                                                           with 200 parcels out and in (analyses issue)
#   bench/run.sh jobs-load [geopackage|postgis|all] [JobsLoadBench options]
#                                                           process latency (sync, async) and jobs/s with the
#                                                           queue full (processing issue)
# PostGIS: pass a URL, or run `source scripts/pg-env.sh` first (sets GENGDI_TEST_PG_URL); wfs-load sources it itself
# when GENGDI_TEST_PG_URL is unset.
#
# wfs-load starts `gengdi serve` (-Xmx1g, GENGDI_BENCH_SERVER_HEAP to change) on a free localhost port for each
# store, with JMX on another free localhost port, waits for /health, runs org.gengdi.bench.WfsLoadBench against it
# and stops it again. 8 clients, 10 s warm-up and 20 s measured per format unless options say otherwise, e.g.
#   bench/run.sh wfs-load postgis --jfr --duration 30 --formats geojson --no-heap
# --jfr records a JFR profile of the server over each measured window and prints its hottest frames.
# The sample county (50,000 parcels) is generated once and kept: bench/target/wfs-load/geopackage/ and the
# PostGIS schema gengdi_wfs_load (GENGDI_BENCH_PG_SCHEMA) in the test database; logs and JFR files are there too.
#
# Build: `mvn install` of the modules needed. GENGDI_BENCH_BUILD_DIR=target-x builds with -o into that folder per
# module instead and installs nothing (for working next to other builds; see gengdi.build.dir in pom.xml).
# GENGDI_BENCH_JAR=path/gengdi.jar serves that jar instead of building ogc-server (e.g. a build of another commit).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-store-stream}; shift || true
build=${GENGDI_BENCH_BUILD_DIR:-target}
modules=bench
case "$what" in *-load|analyses) [ -z "${GENGDI_BENCH_JAR:-}" ] && modules=ogc-server,bench ;; esac
if [ "$build" = target ]; then
  mvn -B -ntp -q -DskipTests -pl "$modules" -am install
else
  mvn -o -B -ntp -q -DskipTests -pl "$modules" -am package -Dgengdi.build.dir="$build"
fi
cp=$(cat "bench/$build/classpath.txt"):bench/$build/classes

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # a free localhost port, not $1
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if [ "$p" != "${1:-}" ] && ! port_in_use "$p"; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

server_pid=
server_extra=()
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}

# start_server LOG ARGS...: starts `gengdi serve` with JMX, sets server_pid, http_port, jmx_port; waits for /health.
start_server() {
  local log=$1; shift
  local boot_jfr=()
  # Starting JFR for the first time in a running JVM slowed this server 4-7x for a long while (measured); with a
  # recording from start-up (default settings, last 30 s kept) the window's profile recording costs little.
  [ -n "${jfr:-}" ] && boot_jfr=(-XX:StartFlightRecording=name=boot,settings=default,maxage=30s)
  http_port=$(free_port)
  jmx_port=$(free_port "$http_port")
  # The server warns about every GENGDI_* variable it does not know: keep this script's own out of its environment.
  local unset_own=() v
  for v in $(compgen -e | grep '^GENGDI_BENCH_' || true); do unset_own+=(-u "$v"); done
  # shellcheck disable=SC2086
  env "${unset_own[@]}" java -Xmx"${GENGDI_BENCH_SERVER_HEAP:-1g}" ${GENGDI_BENCH_SERVER_OPTS:-} "${boot_jfr[@]}" \
    -Dcom.sun.management.jmxremote.port="$jmx_port" -Dcom.sun.management.jmxremote.rmi.port="$jmx_port" \
    -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1 \
    -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false \
    -jar "$jar" serve --port "$http_port" --server.address=127.0.0.1 --gengdi.sample.generate-on-start=false \
    "$@" >"$log" 2>&1 &
  server_pid=$!
  local t0=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.1:$http_port/health"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server stopped during start-up; end of $log:" >&2; tail -n 40 "$log" >&2; server_pid=; return 1
    fi
    if (( SECONDS - t0 > 300 )); then
      echo "the server was not ready after 300 s; end of $log:" >&2; tail -n 40 "$log" >&2; return 1
    fi
    sleep 0.5
  done
  echo "server ready in $((SECONDS - t0)) s on port $http_port (pid $server_pid, JMX $jmx_port, log $log)"
}

# Prepares the store's data (once) and sets store_args.
prepare_geopackage() {
  local dir=$work/geopackage
  gpkg=$dir/sample-county.gpkg
  mkdir -p "$dir"
  if [ ! -f "$dir/complete" ]; then
    echo "Generating the sample county into $gpkg (kept for later runs) ..."
    rm -f "$gpkg" "$gpkg-wal" "$gpkg-shm"
    java -Xmx3g -jar "$jar" sample --gpkg "$gpkg"
    touch "$dir/complete"
  fi
  store_args=(--store geopackage --data-dir "$dir" --gengdi.geopackage.file="$gpkg")
}

prepare_postgis() {
  if [ -z "${GENGDI_TEST_PG_URL:-}" ]; then
    # shellcheck source=../scripts/pg-env.sh
    source scripts/pg-env.sh
  fi
  local url=$GENGDI_TEST_PG_URL schema=${GENGDI_BENCH_PG_SCHEMA:-gengdi_wfs_load} dir=$work/postgis
  mkdir -p "$dir"
  # The listing (layers and counts) made right after generation; regenerate when the schema no longer matches it.
  local now
  now=$(java -jar "$jar" layers --postgis-url "$url" --postgis-schema "$schema" 2>/dev/null | grep ' EPSG:' || true)
  if [ ! -f "$dir/layers.txt" ] || [ -z "$now" ] || [ "$now" != "$(cat "$dir/layers.txt")" ]; then
    echo "Generating the sample county into PostGIS schema $schema (kept for later runs) ..."
    java -Xmx3g -jar "$jar" sample --postgis-url "$url" --postgis-schema "$schema"
    java -jar "$jar" layers --postgis-url "$url" --postgis-schema "$schema" | grep ' EPSG:' >"$dir/layers.txt"
  fi
  store_args=(--store postgis --data-dir "$dir" --postgis-url "$url" --gengdi.postgis.schema="$schema")
}

# server_load NAME CLASS PATH TITLE DEFAULT-STORES [stores] [options]: for each store, serve the kept sample county
# (bench/target/wfs-load/geopackage and the PostGIS schema gengdi_wfs_load, shared by every load benchmark), run
# org.gengdi.bench.CLASS against http://127.0.0.1:PORT/PATH, stop the server; then print the summary. Logs, the
# summary and JFR files are in bench/target/NAME-load.
#   wfs-load:  WfsLoadBench, GetFeature of 1,000 red-line features as GeoJSON and GML 3.2, 8 clients, 10 s warm-up +
#              20 s measured per format, then the server heap while streaming DLTB (needs JMX); --jfr profiles
#   wms-load:  WmsLoadBench, GetMap 256x256 PNG of DLTB + YJJBNTBHTB at the county extent and at 1 km windows, 8 then
#              4 clients, 5 s warm-up + 15 s measured each (e.g. --clients 8 --duration 30)
#   jobs-load: JobsLoadBench, gengdi:Area of one polygon through OGC API - Processes: sync latency, async
#              submit-to-result latency, then jobs/s with 8 clients keeping the queue full (e.g. --duration 30)
#   wmts-load: WmtsLoadBench, RESTful GetTile of YJJBNTBHTB, WebMercatorQuad level 15, up to 256 tiles rendered once
#              and then served from the tile cache to 8 clients (e.g. --clients 4 --level 14 --set CGCS2000Quad)
server_load() {
  local name=$1 class=$2 path=$3 title=$4 stores=${6:-$5}
  shift 5
  shift || true
  case "$stores" in
    geopackage|postgis) ;;
    all) stores="geopackage postgis" ;;
    *) echo "usage: bench/run.sh $name-load [geopackage|postgis|all] [$class options]" >&2; exit 2 ;;
  esac
  jar=${GENGDI_BENCH_JAR:-ogc-server/$build/gengdi.jar}
  local logs=bench/target/$name-load
  work=bench/target/wfs-load
  mkdir -p "$logs" "$work"
  local jfr= extra=() a
  for a in "$@"; do
    if [ "$a" = --jfr ]; then jfr=1; else extra+=("$a"); fi
  done
  if [ -n "$jfr" ] && [ "$name" != wfs ]; then
    echo "--jfr is offered by wfs-load only" >&2; exit 2
  fi
  summary=$logs/summary.txt
  : >"$summary"
  trap stop_server EXIT
  trap 'exit 130' INT TERM
  local rc=0 s label fixed
  for s in $stores; do
    "prepare_$s"
    case "$s" in geopackage) label=GeoPackage ;; postgis) label=PostGIS ;; esac
    echo
    echo "== $label: load before the server starts: $(uptime)"
    start_server "$logs/server-$s.log" "${store_args[@]}" "${server_extra[@]}"
    fixed=(--store "$label" --url "http://127.0.0.1:$http_port$path" --summary "$summary")
    [ "$name" = wfs ] && fixed+=(--jmx "127.0.0.1:$jmx_port")
    if [ -n "$jfr" ]; then
      rm -f "$logs/jfr/${name}load-$s"*.jfr
      fixed+=(--jfr-dir "$logs/jfr")
    fi
    java -Xmx256m -XX:+UseSerialGC -cp "$cp" "org.gengdi.bench.$class" "${fixed[@]}" "${extra[@]}" || rc=1
    echo "== $label: load after the run: $(uptime)"
    if grep -nE 'ERROR|Exception' "$logs/server-$s.log" | head -n 20 | grep -q .; then
      echo "server log $logs/server-$s.log has errors (first 20 lines):"
      grep -nE 'ERROR|Exception' "$logs/server-$s.log" | head -n 20
    fi
    stop_server
    if [ -n "$jfr" ]; then
      java -cp "$cp" org.gengdi.bench.JfrTop "$logs/jfr/${name}load-$s"*.jfr | tee "$logs/jfr/summary-$s.txt"
    fi
  done
  echo
  echo "======== $title (server -Xmx${GENGDI_BENCH_SERVER_HEAP:-1g}, $(nproc) cores; $(uptime))"
  cat "$summary"
  return $rc
}

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
  wfs-load)
    server_load wfs WfsLoadBench /ows "WFS GetFeature load" all "$@" ;;
  wms-load)
    server_load wms WmsLoadBench /wms "WMS GetMap load" all "$@" ;;
  wmts-load)
    server_load wmts WmtsLoadBench "" "WMTS cached tiles" geopackage "$@" ;;
  analyses)
    # the sample county kept by the load benchmarks (generated once), in GeoPackage and in PostGIS
    jar=${GENGDI_BENCH_JAR:-ogc-server/$build/gengdi.jar}
    work=bench/target/wfs-load
    prepare_geopackage
    prepare_postgis
    java -Xmx2g -cp "$cp" org.gengdi.bench.OccupationBench "$gpkg" "${1:-30}" "$GENGDI_TEST_PG_URL" \
      "${GENGDI_BENCH_PG_SCHEMA:-gengdi_wfs_load}"
    java -Xmx6g -cp "$cp" org.gengdi.bench.AnalysesBench "$gpkg" "${2:-1000000}" ;;
  jobs-load)
    # a small queue, so that 8 clients keep it full and the figure is the engine's sustained rate
    server_extra=(--gengdi.jobs.queue-limit=16)
    server_load jobs JobsLoadBench "" "Processing latency and job throughput" all "$@" ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
