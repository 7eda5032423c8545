#!/usr/bin/env bash
# FtM import benchmark: generates COUNT FtM entities (bench/ftm-generate.mjs), imports them at
# start-up into a fresh embedded store with a bounded heap (--sanctions.import.ftm, exit-after),
# and prints the import's own timing line and entities a second.
# Usage: bench/ftm-import-benchmark.sh [COUNT]   env: HEAP=256m DATA_DIR=/tmp/sanctions-bench/ftm
set -euo pipefail
COUNT=${1:-1000000}
HEAP=${HEAP:-256m}
cd "$(dirname "$0")/.."
DATA=${DATA_DIR:-/tmp/sanctions-bench/ftm}
FILE=/tmp/sanctions-bench/ftm-$COUNT.ndjson
mkdir -p /tmp/sanctions-bench

[ -f "$FILE" ] || node bench/ftm-generate.mjs "$COUNT" > "$FILE"
JAR=$(ls target/sanctions-graph-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -q -B -DskipTests package; JAR=$(ls target/sanctions-graph-*.jar | head -1); }

rm -rf "$DATA"
t0=$(date +%s%N)
java -Xmx"$HEAP" -jar "$JAR" --server.port=0 --sanctions.embedded.data-dir="$DATA" \
  --sanctions.import.ftm="$FILE" --sanctions.import.exit-after=true > /tmp/sanctions-bench/ftm-import.log 2>&1 \
  || status=$?
t1=$(date +%s%N)
grep -E "FtM import" /tmp/sanctions-bench/ftm-import.log | tail -3
echo "exit status ${status:-0}; $COUNT entities, heap $HEAP, $(( (t1 - t0) / 1000000 )) ms including start-up"
grep -oE "done in [0-9]+ s" /tmp/sanctions-bench/ftm-import.log | tail -1 | awk -v n="$COUNT" \
  '{ s = $3 > 0 ? $3 : 1; printf "import: %d entities a second (%d entities in %d s)\n", n / s, n, s }'
