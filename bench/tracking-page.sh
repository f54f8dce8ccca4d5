#!/usr/bin/env bash
# Benchmarks the tracking page of a demo order (two parcels, timeline, promise, complementary
# products, visit counted) under wrk at 64 connections, against a static file of the same size
# served by the same server in the same run. Needs wrk. Usage: bench/tracking-page.sh [seconds]
# PAGE_CACHE=PT0S measures every view rendered afresh (rendered pages are otherwise kept 30 s).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-30}
OUT=target/bench-page
# shellcheck source=bench/lib.sh
source bench/lib.sh

# The static copy is served from a public static folder of the same application.
STATIC="$OUT/static"
mkdir -p "$STATIC/images"
start "" "$OUT/page.log" --spring.web.resources.static-locations="classpath:/static/,file:$STATIC/" \
  --aftercart.tracking.page.cache-for="${PAGE_CACHE:-PT30S}"
TRACK=$(grep -o 'Demo tracking page of order [^:]*: [^ ]*' "$OUT/page.log" | head -1 | awk '{print $NF}')
[ -n "$TRACK" ] || { echo "no demo tracking link in $OUT/page.log" >&2; exit 1; }
PAGE_PATH=${TRACK#http*://*/}
PAGE_PATH=/${PAGE_PATH}
curl -sf "localhost:$PORT$PAGE_PATH" > "$STATIC/images/tracking-page.html"
SIZE=$(wc -c < "$STATIC/images/tracking-page.html")
STATIC_PATH=/images/tracking-page.html
curl -sf "localhost:$PORT$STATIC_PATH" -o /dev/null || { echo "static copy not served" >&2; exit 1; }

run() { # $1 path, $2 label, $3 seconds
  TARGET_PATH=$1 wrk -t2 -c64 -d"$3s" --latency -s bench/tracking-page.lua "http://localhost:$PORT" > "$OUT/wrk-$2.txt"
}
echo "warm-up"
run "$PAGE_PATH" warmup-page 20
run "$STATIC_PATH" warmup-static 10
echo "measured ${DURATION} s each"
run "$PAGE_PATH" page "$DURATION"
run "$STATIC_PATH" static "$DURATION"
page_rps=$(grep -o 'requests_per_second=[0-9.]*' "$OUT/wrk-page.txt" | cut -d= -f2)
static_rps=$(grep -o 'requests_per_second=[0-9.]*' "$OUT/wrk-static.txt" | cut -d= -f2)

cat <<REPORT | tee "$OUT/summary.txt"
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name:\s*//p')
java: $("$JAVA" -version 2>&1 | head -1); options: $JAVA_OPTS
page: $PAGE_PATH ($SIZE bytes); rendered pages kept ${PAGE_CACHE:-PT30S}
tracking page ($DURATION s, 64 connections): $(grep -E 'requests_per_second|p99_ms|non_2xx' "$OUT/wrk-page.txt" | paste -sd' ' -)
static file of the same size: $(grep -E 'requests_per_second|p99_ms|non_2xx' "$OUT/wrk-static.txt" | paste -sd' ' -)
page / static: $(awk -v a="$page_rps" -v b="$static_rps" 'BEGIN {printf "%.1f %%", 100 * a / b}')
REPORT
