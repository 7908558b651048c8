#!/usr/bin/env bash
# The 3-process PostgreSQL kill test, N times in a row (default 10); stops at the first failure.
# Usage: bench/kill_loop.sh [N]   (from the repository root; CI runs the test once)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
n=${1:-10}
for i in $(seq 1 "$n"); do
  start=$(date +%s)
  "$PY" -m pytest -q -p no:cacheprovider -p no:warnings tests/service/test_multiprocess_jobs.py >/tmp/mapeq-kill-$i.log 2>&1 \
    || { echo "run $i FAILED (log: /tmp/mapeq-kill-$i.log)"; tail -30 "/tmp/mapeq-kill-$i.log"; exit 1; }
  echo "run $i passed in $(( $(date +%s) - start )) s"
done
echo "$n of $n runs passed"
