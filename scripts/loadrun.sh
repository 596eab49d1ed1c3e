#!/usr/bin/env bash
# Load run for BENCHMARKS.md: builds pforte, serves the demo on a fresh SQLite data
# directory (or PostgreSQL when PFORTE_DATABASE_URL is set), logs in a demo contact and
# hits the portal home page with wrk at 64 connections.
#   scripts/loadrun.sh [duration=30s] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-30s}
conns=${2:-64}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/pforte" ./cmd/pforte
PFORTE_LOG_LEVEL=warn "$work/pforte" serve --demo --data "$work/data" --addr 127.0.0.1:18181 >"$work/out.txt" 2>&1 &
pid=$!
for _ in $(seq 1 50); do curl -fs http://127.0.0.1:18181/readyz >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs -c "$work/jar" -o /dev/null -d 'email=anna@mueller-haustechnik.de&password=demo-kunde-2026' http://127.0.0.1:18181/login
cookie=$(awk '$6=="pforte_portal"{print $7}' "$work/jar")
[ -n "$cookie" ] || { echo "login failed"; cat "$work/out.txt"; exit 1; }
size=$(curl -fs -H "Cookie: pforte_portal=$cookie" http://127.0.0.1:18181/ | wc -c)
echo "portal home page of a logged-in contact: $size bytes"
wrk -t2 -c"$conns" -d"$dur" --latency -H "Cookie: pforte_portal=$cookie" http://127.0.0.1:18181/
echo "peak RSS of the server: $(awk '/VmHWM/{print $2, $3}' /proc/$pid/status)"
