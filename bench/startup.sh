#!/usr/bin/env bash
# Cold start to ready on SQLite, and idle resident memory.
# Targets: start under 1 s (build excluded), idle RSS under 60 MB.
# Usage: bench/startup.sh [runs]   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet --bin traject
bin=$PWD/target/release/traject

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ready() { # GET /readyz over bash's /dev/tcp, true on HTTP 200
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /readyz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n' >&3
  local line; read -r line <&3 || true; exec 3>&-
  [[ $line == "HTTP/1.1 200"* ]]
}

measure() { # $1: label, $2: "fresh" (empty database, migrations run) or "demo" (existing demo database)
  local times=() rss=0
  for _ in $(seq 1 "$runs"); do
    local dir; dir=$(mktemp -d)
    if [ "$2" = demo ]; then
      (cd "$dir" && TRAJECT_LOG_LEVEL=warn "$bin" demo >/dev/null)
    fi
    local port; port=$(.ci/free-port)
    local start; start=$(now_ms)
    (cd "$dir" && TRAJECT_LOG_LEVEL=warn TRAJECT_BIND=127.0.0.1:$port exec "$bin" serve >/dev/null 2>&1) &
    local pid=$!
    until ready "$port"; do sleep 0.005; done
    times+=($(( $(now_ms) - start )))
    sleep 1 # let it settle, then read the idle resident set
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    kill -TERM "$pid"; wait "$pid" || true
    rm -rf "$dir"
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median; median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local max; max=$(echo "$sorted" | tail -n 1)
  printf '%-34s start to ready: median %4d ms, max %4d ms (%d runs); idle RSS %5.1f MB\n' \
    "$1" "$median" "$max" "$runs" "$(echo "$rss" | awk '{print $1/1024}')"
}

measure "SQLite, empty database (migrates)" fresh
measure "SQLite, demo database" demo
