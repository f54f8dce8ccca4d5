#!/usr/bin/env bash
# The mixed-workload load harness (docs/benchmarks.md "Mixed workload", ADR 32): packages the
# application, runs it as one JVM (the operator's JVM options) against PostgreSQL, an SMTP server and
# a webhook receiver held by the harness, and drives journeys (orders, fulfilment, carrier webhooks,
# returns) and page views (tracking and thank-you pages) for a bounded time after a 30-s warm-up.
# Prints and writes per-request throughput and latency percentiles, journeys per second and the
# message backlog; exits non-zero on a 5xx answer, a failed journey or page, or a backlog that did
# not drain.
# Usage: bench/load.sh [measured seconds, default 120] [journey clients, default 8] [page viewers, default 8]
# WARM_UP (seconds, default 30), PAUSE (ms between a viewer's pages, default 200) and APP_ARGS (settings
# for the instance, e.g. APP_ARGS=--aftercart.notifications.dispatch=false) and LAYOUT (jar: java -jar
# aftercart.jar, the default; extracted: the jar extracted by its tools jar mode) vary the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pload package -DskipTests \
  -Dload.seconds="${1:-120}" -Dload.clients="${2:-8}" -Dload.viewers="${3:-8}" \
  -Dload.warm-up="${WARM_UP:-30}" -Dload.pause="${PAUSE:-200}" -Dload.app-arguments="${APP_ARGS:--}" \
  -Dload.layout="${LAYOUT:-jar}"
echo "summary: target/load/summary.md; backlog per second: target/load/backlog.csv; log: target/load/logs"
