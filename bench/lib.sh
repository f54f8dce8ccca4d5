# Shared by the benchmark scripts: finds JDK 25, packages and extracts the application, starts and
# stops the demo run and reads its memory. Source it after setting OUT (default target/bench).
PORT=${PORT:-18080}
# The demo run's options (pom.xml, spring-boot:run): a 192 MB heap holds three times its live set.
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx192m -XX:+UseSerialGC"}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"

java25() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
    echo "$JAVA_HOME/bin/java"; return
  fi
  for candidate in /usr/lib/jvm/*25*/bin/java; do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  echo "No JDK 25 found (set JAVA_HOME)" >&2; exit 1
}
JAVA=$(java25)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

./mvnw -q -DskipTests package
rm -rf "$OUT/app" && "$JAVA" -Djarmode=tools -jar target/aftercart.jar extract --destination "$OUT/app" >/dev/null

PID=""
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=""; }
trap stop EXIT

# Starts the app; sets PID, STARTUP_MS (milliseconds until /actuator/health/readiness is UP) and
# CPU_MS (CPU time the JVM used until then: less sensitive than STARTUP_MS to other load).
start() {
  local extra=$1 log=$2 begin
  shift 2
  if curl -s "localhost:$PORT/actuator/health" >/dev/null 2>&1; then
    echo "port $PORT is already in use" >&2; exit 1
  fi
  begin=$(date +%s%3N)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS $extra -jar "$OUT/app/aftercart.jar" --spring.profiles.active=demo --server.port="$PORT" \
    --aftercart.embedded-postgres.data-directory="$OUT/postgres" "$@" > "$log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$PID" 2>/dev/null || { echo "app died, see $log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( $(date +%s%3N) - begin ))
  CPU_MS=$(cpu_ms "$PID")
}

# CPU time (user + system, ms) a process has used so far.
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$1/stat"; }
# CPU time of all embedded PostgreSQL processes; backends of the connection pool live through a run.
postgres_cpu_ms() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(cpu_ms "$pid")))
  done
  echo "$total"
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# PostgreSQL's processes share their buffers: add up proportional set sizes, not resident sizes.
postgres_pss_mb() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do
    [ -r "/proc/$pid/smaps_rollup" ] && total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")))
  done
  echo $((total / 1024))
}

