#!/usr/bin/env bash
# Outbox benchmark (issue 13) against `traject synth` data:
#   - queueing the reminders of every session in the coming 15 days
#     (`traject worker --once`, first run), with the number of sessions;
#   - the worker sending to a local HTTP gateway receiver: every queued
#     reminder made due, then sent by `traject worker --once` (second run).
# Usage: bench/messages.sh sqlite|postgres [organisations participants]
#   postgres needs PG_URL=postgres://USER@HOST:PORT/postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:-sqlite}
orgs=${2:-50}; people=${3:-2000}
cargo build --release --quiet --bin traject
bin=$PWD/target/release/traject
work=${WORK_DIR:-/tmp/traject-messages}
mkdir -p "$work"
case $backend in
  sqlite) rm -f "$work"/synth.db*; url="sqlite://$work/synth.db"
          sql() { sqlite3 "$work/synth.db" "$1"; } ;;
  postgres) url="${PG_URL%/*}/traject_messages"
            psql "$PG_URL" -qc "DROP DATABASE IF EXISTS traject_messages WITH (FORCE)" -c "CREATE DATABASE traject_messages" >/dev/null
            sql() { psql "$url" -qAtc "$1"; } ;;
  *) echo "unknown backend $backend" >&2; exit 2 ;;
esac
echo "synth: $orgs organisations x $people participants, 1 year ($backend)"
TRAJECT_DATABASE_URL=$url TRAJECT_LOG_LEVEL=warn "$bin" synth --organisations "$orgs" \
  --participants "$people" --years 1 --trail 10000 | head -1

# A local gateway: answers every message with an id, as fast as it can.
port=$(.ci/free-port)
python3 - "$port" <<'PY' &
import http.server, json, sys, itertools
count = itertools.count(1)
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"id": f"gw-{next(count)}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
gw=$!
trap 'kill $gw 2>/dev/null' EXIT
sleep 0.5
run() {
  TRAJECT_DATABASE_URL=$url TRAJECT_LOG_LEVEL=error TRAJECT_GATEWAY_URL="http://127.0.0.1:$port/send" \
    TRAJECT_GATEWAY_SECRET=bench TRAJECT_SMTP_URL= "$bin" worker --once
}
echo "first run (queues the reminders, sends what is due now):"
run
# Every queued reminder due now, to measure sending.
sql "UPDATE messages SET next_attempt_at = created_at WHERE status = 'queued'" >/dev/null
queued=$(sql "SELECT count(*) FROM messages WHERE status = 'queued'")
echo "second run ($queued messages due):"
run
sql "SELECT status, count(*) FROM messages GROUP BY status ORDER BY status"
