#!/usr/bin/env bash
# Reports benchmark (issue 16) against `traject synth` data (a city's
# instance: several organisations, three years of use, budgets and costs):
# - a programme's annual report on each built-in indicator set (JSON API
#   and the page), target under 200 ms;
# - the annual report as XLSX and as PDF, target under 1 s;
# - the pooled federal aggregate (GET /api/v1/pooled) against the raw SQL
#   that computes the same figures, both in this run, target within 1.3x;
# with the /healthz floor measured in the same run.
# Usage: bench/reports.sh sqlite|postgres [organisations] [participants]
#   postgres needs PG_URL=postgres://USER@HOST:PORT/postgres.
#   REUSE=1 keeps the synthesised database of an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
orgs=${2:-8}
people=${3:-3000}
duration=${DURATION:-15}
runs=${RUNS:-30}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
cargo build --release --quiet --bin traject
bin=$PWD/target/release/traject
work=${WORK_DIR:-/tmp/traject-reports}
mkdir -p "$work"
case $backend in
  sqlite) url="sqlite://$work/synth.db"
          sql() { sqlite3 "$work/synth.db" "$1"; }
          fresh() { rm -f "$work"/synth.db*; } ;;
  postgres) url="${PG_URL%/*}/traject_reports"
            sql() { psql "$url" -qAtc "$1"; }
            fresh() { psql "$PG_URL" -qc "DROP DATABASE IF EXISTS traject_reports WITH (FORCE)" -c "CREATE DATABASE traject_reports" >/dev/null; } ;;
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
  --data-urlencode "login=coordinator0@synth-000.example" \
  --data-urlencode "password=Synth-meten-2026-traject"
COOKIE=$(awk '$6 ~ /traject/ {print $6"="$7}' "$jar" | head -1)
year=$(date +%Y)
org=$(sql "SELECT id FROM organisations WHERE slug = 'synth-000'")
# The first organisation's largest programme this year.
programme=$(sql "SELECT t.programme_id FROM trajectories t WHERE t.organisation_id = '$org' AND t.started_on <= '$year-12-31' AND (t.ended_on IS NULL OR t.ended_on >= '$year-01-01') GROUP BY t.programme_id ORDER BY COUNT(*) DESC LIMIT 1")
echo "instance: $(sql "SELECT COUNT(*) FROM participants") participants, $(sql "SELECT COUNT(*) FROM trajectories") trajectories, $(sql "SELECT COUNT(*) FROM group_sessions") sessions, $(sql "SELECT COUNT(*) FROM attendance") attendance marks, $(sql "SELECT COUNT(*) FROM costs") costs"
echo "programme: $(sql "SELECT kind FROM programmes WHERE id = '$programme'"), $(sql "SELECT COUNT(DISTINCT participant_id) FROM trajectories WHERE programme_id = '$programme' AND started_on <= '$year-12-31' AND (ended_on IS NULL OR ended_on >= '$year-01-01')") participants in $year"
for path in "/api/v1/programmes/$programme/indicators?set=programme-activity&year=$year" "/reports/export.pdf?programme=$programme&set=programme-activity&year=$year" "/api/v1/pooled?year=$year"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$path")
  [ "$code" = 200 ] || { echo "$path answered $code"; cat "$work/server.log"; exit 1; }
done

. bench/run_wrk.sh
echo "/healthz (floor, 1 connection):                $(run_wrk 1 /healthz "")"
for set in programme-activity esf-plus-participants amif-integration federal-social-activation miriam; do
  printf '%-47s %s\n' "annual report, $set (API):" "$(run_wrk 1 "/api/v1/programmes/$programme/indicators?set=$set&year=$year" "$COOKIE")"
done
echo "annual report page, programme-activity:        $(run_wrk 1 "/reports?programme=$programme&set=programme-activity&year=$year" "$COOKIE")"
echo "single report page, every programme:           $(run_wrk 1 "/reports?programme=all&set=federal-social-activation&year=$year" "$COOKIE")"
echo "annual report as XLSX:                         $(run_wrk 1 "/reports/export.xlsx?programme=$programme&set=programme-activity&year=$year" "$COOKIE")"
echo "annual report as PDF:                          $(run_wrk 1 "/reports/export.pdf?programme=$programme&set=programme-activity&year=$year" "$COOKIE")"
echo "budget page:                                   $(run_wrk 1 "/reports/budget?programme=$programme&year=$year" "$COOKIE")"

# The pooled aggregate through traject, and the raw SQL for the same figures.
pooled=$(run_wrk 1 "/api/v1/pooled?year=$year" "$COOKIE")
echo "pooled aggregate (API, 1 connection):          $pooled"
from="$year-01-01"; to="$year-12-31"
raw_sql="
SELECT t.organisation_id, p.gender, COUNT(DISTINCT p.id) FROM trajectories t JOIN participants p ON p.id = t.participant_id JOIN programmes g ON g.id = t.programme_id WHERE g.pooled AND t.started_on <= '$to' AND (t.ended_on IS NULL OR t.ended_on >= '$from') GROUP BY t.organisation_id, p.gender;
SELECT t.organisation_id, COUNT(DISTINCT t.participant_id) FROM trajectories t JOIN programmes g ON g.id = t.programme_id WHERE g.pooled AND t.started_on BETWEEN '$from' AND '$to' GROUP BY t.organisation_id;
SELECT t.organisation_id, COUNT(DISTINCT t.participant_id) FROM trajectories t JOIN programmes g ON g.id = t.programme_id WHERE g.pooled AND t.status = 'stopped' AND t.ended_on BETWEEN '$from' AND '$to' GROUP BY t.organisation_id;
SELECT s.organisation_id, s.starts_at, s.ends_at, COUNT(*) FROM group_sessions s JOIN groups gr ON gr.id = s.group_id JOIN programmes g ON g.id = gr.programme_id WHERE g.pooled AND s.held_on BETWEEN '$from' AND '$to' AND NOT s.cancelled GROUP BY s.organisation_id, s.starts_at, s.ends_at;
SELECT a.organisation_id, a.mark, COUNT(*) FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups gr ON gr.id = s.group_id JOIN programmes g ON g.id = gr.programme_id WHERE g.pooled AND s.held_on BETWEEN '$from' AND '$to' AND NOT s.cancelled GROUP BY a.organisation_id, a.mark;"
case $backend in
  sqlite)
    times=$( { echo ".timer on"; for _ in $(seq 1 "$runs"); do echo "$raw_sql"; done; } \
      | sqlite3 "$work/synth.db" | awk '/^Run Time: real/ {print $4 * 1000}') ;;
  postgres)
    times=$( { echo '\timing on'; for _ in $(seq 1 "$runs"); do echo "$raw_sql"; done; } \
      | psql "$url" -qAt | awk '/^Time: / {print $2}') ;;
esac
raw=$(echo "$times" | python3 -c '
import statistics, sys
t = [float(x) for x in sys.stdin.read().split()]
per_run = [sum(t[i:i + 5]) for i in range(0, len(t) - len(t) % 5, 5)]
print(f"{statistics.median(per_run):.1f}")')
api_p50=$(echo "$pooled" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')
echo "pooled aggregate, raw SQL (median of $runs):     $raw ms"
python3 -c "print(f'pooled aggregate, traject / raw SQL:           {$api_p50 / $raw:.2f}x (target <= 1.3x)')"
echo "server memory high-water mark: $(awk '/VmHWM/ {print $2 " kB"}' "/proc/$pid/status")"
