# Sourced by the benchmarks: wrk against the server on $port for
# $duration seconds, printing requests/s, p50 and p99 (any non-2xx/3xx
# answer fails the run).
run_wrk() { # $1 connections, $2 path, $3 cookie header or ""
  local header=()
  [ -n "$3" ] && header=(-H "Cookie: $3")
  wrk -t1 -c"$1" -d"$duration"s --latency "${header[@]}" "http://127.0.0.1:$port$2" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
p50 = re.search(r"\s50%\s+(\S+)", text)
p99 = re.search(r"\s99%\s+(\S+)", text)
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if not (rps and p50 and p99) or errors:
    sys.stderr.write(text); sys.exit(1)
print(f"{float(rps.group(1)):.0f} req/s, p50 {ms(p50.group(1)):.1f} ms, p99 {ms(p99.group(1)):.1f} ms")
'
}
