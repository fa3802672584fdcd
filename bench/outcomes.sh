#!/usr/bin/env bash
# Outcomes benchmark (issue 14) against `traject synth` data: the results
# page of a programme with about 2,000 participants and four measurement
# moments (synth's Miriam programme: intake, mid-way, end and 6 months
# after closing), as a coordinator opens it, and its API; with the
# /healthz floor measured in the same run.
# Usage: bench/outcomes.sh sqlite|postgres [participants]
#   One organisation; synth spreads participants over its 9 programmes, so
#   18,000 gives each about 2,000. postgres needs PG_URL=postgres://USER@HOST:PORT/postgres.
#   REUSE=1 keeps the synthesised database of an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
people=${2:-18000}
duration=${DURATION:-20}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
cargo build --release --quiet --bin traject
bin=$PWD/target/release/traject
work=${WORK_DIR:-/tmp/traject-outcomes}
mkdir -p "$work"
case $backend in
  sqlite) url="sqlite://$work/synth.db"
          sql() { sqlite3 "$work/synth.db" "$1"; }
          fresh() { rm -f "$work"/synth.db*; } ;;
  postgres) url="${PG_URL%/*}/traject_outcomes"
            sql() { psql "$url" -qAtc "$1"; }
            fresh() { psql "$PG_URL" -qc "DROP DATABASE IF EXISTS traject_outcomes WITH (FORCE)" -c "CREATE DATABASE traject_outcomes" >/dev/null; } ;;
  *) echo "unknown backend $backend" >&2; exit 2 ;;
esac
if [ "${REUSE:-0}" != 1 ] || [ ! -f "$work/$backend.done" ]; then
  fresh
  echo "synth: 1 organisation x $people participants, 3 years ($backend)"
  start=$SECONDS
  TRAJECT_DATABASE_URL=$url TRAJECT_LOG_LEVEL=warn "$bin" synth --organisations 1 \
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
  --data-urlencode "login=coordinator0@synth-000.example" \
  --data-urlencode "password=Synth-meten-2026-traject"
COOKIE=$(awk '$6 ~ /traject/ {print $6"="$7}' "$jar" | head -1)
programme=$(sql "SELECT id FROM programmes WHERE kind = 'miriam'")
echo "programme miriam: $(sql "SELECT COUNT(DISTINCT participant_id) FROM trajectories WHERE programme_id = '$programme'") participants"
echo "its life-domain measurements by moment (she answered):"
sql "SELECT moment, COUNT(*) FROM measurements WHERE programme_id = '$programme' AND instrument_key = 'traject-life-domains' AND respondent = 'participant' GROUP BY moment ORDER BY moment" | sed 's/^/  /'
echo "measurements in all: $(sql "SELECT COUNT(*) FROM measurements"), answers: $(sql "SELECT COUNT(*) FROM measurement_answers")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port/outcomes?programme=$programme")
[ "$code" = 200 ] || { echo "results page answered $code"; cat "$work/server.log"; exit 1; }

. bench/run_wrk.sh
echo "/healthz (floor, 10 connections):       $(run_wrk 10 /healthz "")"
echo "results page, one coordinator:          $(run_wrk 1 "/outcomes?programme=$programme" "$COOKIE")"
echo "results page, 4 connections:            $(run_wrk 4 "/outcomes?programme=$programme" "$COOKIE")"
echo "its API, one client:                    $(run_wrk 1 "/api/v1/programmes/$programme/outcomes" "$COOKIE")"
echo "satisfaction (anonymous), one client:   $(run_wrk 1 "/outcomes?programme=$programme&instrument=traject-satisfaction" "$COOKIE")"
echo "server memory high-water mark: $(awk '/VmHWM/ {print $2 " kB"}' "/proc/$pid/status")"
