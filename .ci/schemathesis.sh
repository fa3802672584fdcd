#!/usr/bin/env bash
# The API contract, checked by schemathesis (pinned, from PyPI) with every
# check on, against a demo server: as a coordinator and as an administrator,
# so that every operation is exercised with the rights it needs.
# Usage: .ci/schemathesis.sh PATH_TO_TRAJECT_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
venv=${SCHEMATHESIS_VENV:-/tmp/traject-schemathesis}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
fi
data=$(mktemp -d)
port=$(.ci/free-port)
base="http://127.0.0.1:$port"
(cd "$data" && TRAJECT_BIND=127.0.0.1:$port TRAJECT_LOG_LEVEL=error exec "$bin" serve --demo) 2>"$data/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

token_for() { # a personal API token of a demo account, made as a person would
  local jar="$data/jar" cookie csrf
  rm -f "$jar"
  curl -fs -c "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "login=$1" \
    --data-urlencode "password=Demostad-oefenen-2026"
  cookie=$(awk '$6 ~ /traject/ {print $6"="$7}' "$jar" | head -1)
  csrf=$(curl -fs -H "Cookie: $cookie" "$base/dashboard" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
  curl -fs -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H "Origin: $base" \
    -H "Content-Type: application/json" -d '{"name":"schemathesis"}' "$base/api/v1/tokens" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

status=0
for who in coordinator@demostad.example beheerder@demostad.example; do
  echo "schemathesis as $who"
  token=$(token_for "$who")
  "$venv/bin/schemathesis" --config-file schemathesis.toml run "$base/api/openapi.json" \
    --checks all --max-examples "${SCHEMATHESIS_EXAMPLES:-50}" --seed 1 --no-color \
    -H "Authorization: Bearer $token" || status=1
done
exit $status
