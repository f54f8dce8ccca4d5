#!/usr/bin/env bash
# Benchmarks the demo run: start-up to healthy (cold data folder, warm data folder, and with a
# JDK 25 AOT cache), order intake through the REST API at 32 concurrent clients, and resident
# memory after the intake. Needs wrk (Debian package). Usage: bench/intake.sh [seconds]
# Settings: SKIP_STARTUP=1 (intake only); WARMUP=seconds (at least, default 60), JIT_QUEUE_LIMIT
# (default 50) and WARMUP_MAX=seconds (default 600): the warm-up goes on until fewer methods than the
# limit wait for the JIT compiler; PROFILE=1 (JFR recording of the measured run); JAVA_OPTS (with
# -XX:NativeMemoryTracking=summary, the JVM's memory by area after the intake goes to nmt.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-30}
# shellcheck source=bench/lib.sh
source bench/lib.sh

cold=- warm=- aot=- cold_cpu=- warm_cpu=- aot_cpu=-
if [ -z "${SKIP_STARTUP:-}" ]; then
rm -rf "$OUT/postgres"
start "" "$OUT/cold.log"; cold=$STARTUP_MS; cold_cpu=$CPU_MS; stop
start "" "$OUT/warm.log"; warm=$STARTUP_MS; warm_cpu=$CPU_MS; stop

# JDK 25 AOT cache: one training run records it, later starts load it.
rm -f "$OUT/aftercart.aot"
start "-XX:AOTCacheOutput=$OUT/aftercart.aot" "$OUT/aot-train.log"; stop
start "-XX:AOTCache=$OUT/aftercart.aot" "$OUT/aot.log"; aot=$STARTUP_MS; aot_cpu=$CPU_MS; stop
fi

start "" "$OUT/intake.log"
SKUS=$(curl -sf -H "Authorization: Bearer ak_demo_aftercart" "localhost:$PORT/api/v1/variants?limit=1000" \
  | grep -o '"sku":"[^"]*"' | cut -d'"' -f4 | paste -sd, -)
export SKUS API_KEY=ak_demo_aftercart
# Methods waiting for the JIT compiler: hundreds mean the JVM is still warming up (on a slow
# machine it can take minutes under this load), and the figures are below its steady state.
jit_queue() { "$(dirname "$JAVA")/jcmd" "$PID" Compiler.queue | grep -c '^[0-9]' || true; }
# Warm-up: at least WARMUP seconds, then on in 20-s steps until fewer than JIT_QUEUE_LIMIT methods
# wait for the compiler, for at most WARMUP_MAX seconds in all.
warmed=0
while :; do
  step=$(( warmed == 0 ? ${WARMUP:-60} : 20 ))
  wrk -t2 -c32 -d"${step}s" -s bench/intake.lua "http://localhost:$PORT" > "$OUT/wrk-warmup.txt"
  warmed=$((warmed + step)); queued=$(jit_queue)
  echo "warm-up: ${warmed} s, $(grep -o 'orders_per_second=[0-9.]*' "$OUT/wrk-warmup.txt"), ${queued} methods waiting for the JIT compiler"
  if [ "$queued" -lt "${JIT_QUEUE_LIMIT:-50}" ] || [ "$warmed" -ge "${WARMUP_MAX:-600}" ]; then break; fi
done
PG_PORT=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$OUT/intake.log" | head -1 | cut -d: -f4)
count_orders() { psql -qtA -h localhost -p "$PG_PORT" -U postgres aftercart -c "select count(*) from orders.orders" 2>/dev/null || echo "?"; }
before=$(count_orders)
jvm_cpu_before=$(cpu_ms "$PID"); pg_cpu_before=$(postgres_cpu_ms)
jit_queue_before=$(jit_queue)
# PROFILE=1 records the measured period with JDK Flight Recorder into $OUT/intake.jfr.
[ -n "${PROFILE:-}" ] && "$(dirname "$JAVA")/jcmd" "$PID" JFR.start name=intake settings=profile filename="$OUT/intake.jfr" >/dev/null
echo "measured ${DURATION} s"
wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/intake.lua "http://localhost:$PORT" | tee "$OUT/wrk.txt"
[ -n "${PROFILE:-}" ] && "$(dirname "$JAVA")/jcmd" "$PID" JFR.stop name=intake >/dev/null
jvm_cpu=$(( $(cpu_ms "$PID") - jvm_cpu_before )); jit_queue_after=$(jit_queue); pg_cpu=$(( $(postgres_cpu_ms) - pg_cpu_before ))
after=$(count_orders)
jvm_rss=$(rss_mb "$PID")
# With -XX:NativeMemoryTracking=summary in JAVA_OPTS: where the JVM's memory goes, into $OUT/nmt.txt.
if [[ "$JAVA_OPTS" == *NativeMemoryTracking* ]]; then
  "$(dirname "$JAVA")/jcmd" "$PID" VM.native_memory summary > "$OUT/nmt.txt"
fi
pg_pss=$(postgres_pss_mb "$PID")

cat <<REPORT | tee "$OUT/summary.txt"
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name:\s*//p')
java: $("$JAVA" -version 2>&1 | head -1); options: $JAVA_OPTS
start-up to healthy: cold (empty data folder, demo seeding) ${cold} ms; warm ${warm} ms; warm with AOT cache ${aot} ms
JVM CPU time until healthy: cold ${cold_cpu} ms; warm ${warm_cpu} ms; warm with AOT cache ${aot_cpu} ms; load average $(cut -d' ' -f1-3 /proc/loadavg)
warm-up: ${warmed} s
intake ($DURATION s, 32 connections, 2 wrk threads): $(grep -E 'orders_per_second|p99_ms|non_2xx' "$OUT/wrk.txt" | paste -sd' ' -)
orders created during the measured run (database count): $((after - before))
methods waiting for the JIT compiler: ${jit_queue_before} when the measured run started, ${jit_queue_after} at its end
CPU per order during the measured run: JVM $(awk -v c="$jvm_cpu" -v n="$((after - before))" 'BEGIN {printf "%.2f", c / n}') ms; embedded PostgreSQL $(awk -v c="$pg_cpu" -v n="$((after - before))" 'BEGIN {printf "%.2f", c / n}') ms
resident memory after intake: JVM ${jvm_rss} MB; embedded PostgreSQL processes ${pg_pss} MB (proportional set size)
REPORT
