#!/usr/bin/env bash
# FtM import benchmark: generates COUNT FtM entities (bench/ftm-generate.mjs), imports them at
# start-up into a fresh embedded store with a bounded heap (--sanctions.import.ftm, exit-after),
# and prints the import's own timing line, entities a second (wall clock) and entities per second of
# the process's CPU time (the embedded server runs in the same process; on a shared machine the
# wall-clock rate follows the other load, printed before and after as the load average).
# Usage: bench/ftm-import-benchmark.sh [COUNT]   env: HEAP=256m CACHE_MB=64 DATA_DIR=/tmp/sanctions-bench/ftm
# (CACHE_MB is the embedded server's page cache of encoded documents, sanctions.embedded.cache-mb,
# whose default is 128.)
set -euo pipefail
COUNT=${1:-1000000}
HEAP=${HEAP:-256m}
CACHE_MB=${CACHE_MB:-64}
cd "$(dirname "$0")/.."
DATA=${DATA_DIR:-/tmp/sanctions-bench/ftm}
FILE=/tmp/sanctions-bench/ftm-$COUNT.ndjson
mkdir -p /tmp/sanctions-bench

[ -f "$FILE" ] || node bench/ftm-generate.mjs "$COUNT" > "$FILE"
JAR=$(ls target/sanctions-graph-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -q -B -DskipTests package; JAR=$(ls target/sanctions-graph-*.jar | head -1); }

rm -rf "$DATA"
echo "before: $(uptime)"
t0=$(date +%s%N)
java -Xmx"$HEAP" -Xlog:gc:file=/tmp/sanctions-bench/ftm-gc.log -jar "$JAR" --server.port=0 --sanctions.embedded.data-dir="$DATA" \
  --sanctions.embedded.cache-mb="$CACHE_MB" \
  --sanctions.import.ftm="$FILE" --sanctions.import.exit-after=true > /tmp/sanctions-bench/ftm-import.log 2>&1 &
pid=$!
# the live heap (after a full collection, from jcmd) every SAMPLE seconds, beside the entities done
( while sleep "${SAMPLE:-60}" && kill -0 "$pid" 2>/dev/null; do
    live=$(jcmd "$pid" GC.class_histogram 2>/dev/null | tail -1 | awk '{ printf "%d", $3 / 1048576 }' || true)
    done=$(grep -aoE "[0-9]+ entities done" /tmp/sanctions-bench/ftm-import.log | tail -1 || true)
    echo "$(date +%T) live heap ${live} MB, ${done:-0 entities done}"
  done ) > /tmp/sanctions-bench/ftm-live.log 2>&1 &
wait "$pid" || status=$?
t1=$(date +%s%N)
echo "after:  $(uptime)"
grep -aE "FtM import" /tmp/sanctions-bench/ftm-import.log | tail -3
echo "exit status ${status:-0}; $COUNT entities, heap $HEAP, store cache $CACHE_MB MB, $(( (t1 - t0) / 1000000 )) ms including start-up"
grep -aoE "done in [0-9]+ s \([0-9]+ ms, process CPU -?[0-9]+ ms\)" /tmp/sanctions-bench/ftm-import.log | tail -1 \
  | tr -d '(),' | awk -v n="$COUNT" '{ ms = $5 > 0 ? $5 : 1; cpu = $9 > 0 ? $9 : 1;
    printf "import: %d entities a second (%d entities in %.1f s), %d entities per CPU second (%.1f s CPU)\n",
      n * 1000 / ms, n, ms / 1000, n * 1000 / cpu, cpu / 1000 }'
cat /tmp/sanctions-bench/ftm-live.log
