#!/usr/bin/env bash
# Social-map benchmark (issue 15) against `traject synth` data: the map
# searched by life domain and language, as a casemanager on a home visit
# does, on a city's instance (several organisations, each keeping 120
# partners of which a quarter are shared: one map for the city), the page
# and its API; with the /healthz floor measured in the same run.
# Usage: bench/network.sh sqlite|postgres [organisations] [participants]
#   postgres needs PG_URL=postgres://USER@HOST:PORT/postgres.
#   REUSE=1 keeps the synthesised database of an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
orgs=${2:-8}
people=${3:-3000}
duration=${DURATION:-20}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
cargo build --release --quiet --bin traject
bin=$PWD/target/release/traject
work=${WORK_DIR:-/tmp/traject-network}
mkdir -p "$work"
case $backend in
  sqlite) url="sqlite://$work/synth.db"
          sql() { sqlite3 "$work/synth.db" "$1"; }
          fresh() { rm -f "$work"/synth.db*; } ;;
  postgres) url="${PG_URL%/*}/traject_network"
            sql() { psql "$url" -qAtc "$1"; }
            fresh() { psql "$PG_URL" -qc "DROP DATABASE IF EXISTS traject_network WITH (FORCE)" -c "CREATE DATABASE traject_network" >/dev/null; } ;;
  *) echo "unknown backend $backend" >&2; exit 2 ;;
esac
if [ "${REUSE:-0}" != 1 ] || [ ! -f "$work/$backend.done" ]; then
  fresh
  echo "synth: $orgs organisations x $people participants, 3 years ($backend)"
  start=$SECONDS
  TRAJECT_DATABASE_URL=$url TRAJECT_LOG_LEVEL=warn "$bin" synth --organisations "$orgs" \
    --participants "$people" --years 3 --trail 10000 | head -1
  echo "synth took $((SECONDS - start)) s"
  touch "$work/$backend.done"
fi

port=$(.ci/free-port)
TRAJECT_DATABASE_URL=$url TRAJECT_BIND=127.0.0.1:$port TRAJECT_LOG_LEVEL=warn \
  TRAJECT_SECURE_COOKIES=false "$bin" serve >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
jar="$work/cookies"; rm -f "$jar"
curl -fs -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$port/login" \
  --data-urlencode "login=cm0@synth-000.example" \
  --data-urlencode "password=Synth-meten-2026-traject"
COOKIE=$(awk '$6 ~ /traject/ {print $6"="$7}' "$jar" | head -1)
echo "partners on the instance: $(sql "SELECT COUNT(*) FROM partners") ($(sql "SELECT COUNT(*) FROM partners WHERE shared") shared), referrals: $(sql "SELECT COUNT(*) FROM referrals"), participants: $(sql "SELECT COUNT(*) FROM participants")"
page="/network/partners?domain=housing&speaks=ar"
api="/api/v1/partners?domain=housing&language=ar"
found=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$port$api" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "housing + Arabic: $found partners found for the first organisation"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$page")
[ "$code" = 200 ] || { echo "map page answered $code"; cat "$work/server.log"; exit 1; }

. bench/run_wrk.sh
echo "/healthz (floor, 10 connections):           $(run_wrk 10 /healthz "")"
echo "map page, domain + language, 1 connection:  $(run_wrk 1 "$page" "$COOKIE")"
echo "map page, domain + language, 8 connections: $(run_wrk 8 "$page" "$COOKIE")"
echo "map API, domain + language, 8 connections:  $(run_wrk 8 "$api" "$COOKIE")"
echo "map page, whole map (no filter), 1 conn.:   $(run_wrk 1 /network/partners "$COOKIE")"
echo "server memory high-water mark: $(awk '/VmHWM/ {print $2 " kB"}' "/proc/$pid/status")"
