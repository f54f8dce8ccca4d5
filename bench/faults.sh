#!/usr/bin/env bash
# The fault harness (docs/benchmarks.md, ADR 32): packages the application, then runs it as child JVMs
# against PostgreSQL, an SMTP server and a webhook receiver held by the harness, kills it with SIGKILL
# mid-burst, and checks that nothing accepted was lost and nothing was done or sent twice; then the
# same with two instances on one database. Exits non-zero when a check fails.
# Usage: bench/faults.sh [burst seconds per phase, default 75] [kills, default 3] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pfaults package -DskipTests \
  -Dfaults.burst="${1:-75}" -Dfaults.kills="${2:-3}" -Dfaults.seed="${3:-random}"
echo "summary: target/faults/summary.md; logs of every start: target/faults/logs"
