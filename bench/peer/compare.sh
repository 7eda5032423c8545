#!/usr/bin/env bash
# bench/peer/compare.sh [small|medium|large] — this API against PostGraphile on PostgreSQL, side by side.
#
# Both serve the same generated data set: the peer's gen.py writes the CSV files and loads them into
# PostgreSQL; this API loads the same files into its embedded store (sanctions.generate.csv-dir, seed
# off). The peer's own driver (run.sh: autocannon, memory and CPU sampling) then loads each API in
# turn, A B A B, ROUNDS rounds at each connection count, and table.py writes one table with the
# ratio ours/theirs per query shape to bench/results/peer-<size>.md.
#
# Environment (all optional):
#   PEER_DIR (required)   the PostGraphile benchmark kit: setup.sh, gen.py, run.sh, load.js
#   CONNS="1 16 64"  ROUNDS=2  WARMUP_S=5  DURATION_S=15   per query, per API, per round
#   JIT_WARMUP_S=240   load on this API before measuring, until the JVM's JIT compiler has settled
#                      (on a 2-core machine the compiler still works at 120 s)
#   PORT=18090  EMBEDDED_PORT=27098   where this API listens (loopback only)
#   SKIP_BUILD=1       use the jar already in target/
#   SPRING_MONGODB_URI  measure this API on that MongoDB (it loads the CSV files into it once) instead of the embedded server
#   JAVA_OPTS          JVM options of this API. Small and medium: "-Xmx600m -Xmn150m -XX:+UseParallelGC" (the heap
#                      bound keeps memory comparable run to run; on 2 cores the parallel collector costs
#                      less CPU per request than G1, docs/performance.md). Large: "-Xmx6g", as the
#                      embedded store keeps its indexes in the heap (G1, not yet measured otherwise there)
#   LOAD_WAIT_S        how long this API may take to load the CSV files, then to become ready (600; large 1800)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/peer"
SIZE=${1:-medium}
[ -n "${PEER_DIR:-}" ] || { echo "set PEER_DIR to the PostGraphile benchmark kit (setup.sh, gen.py, run.sh, load.js)" >&2; exit 2; }
PEER_DIR=$(cd "$PEER_DIR" && pwd)
export CONNS=${CONNS:-"1 16 64"} ROUNDS=${ROUNDS:-2}
export WARMUP_S=${WARMUP_S:-5} DURATION_S=${DURATION_S:-15} SEQ_N=${SEQ_N:-100} DATA_LABEL=$SIZE
export JIT_WARMUP_S=${JIT_WARMUP_S:-240}
if [ "$SIZE" = large ]; then DEFAULT_JAVA_OPTS="-Xmx6g" DEFAULT_LOAD_WAIT_S=1800
else DEFAULT_JAVA_OPTS="-Xmx600m -Xmn150m -XX:+UseParallelGC" DEFAULT_LOAD_WAIT_S=600; fi
LOAD_WAIT_S=${LOAD_WAIT_S:-$DEFAULT_LOAD_WAIT_S}
PORT=${PORT:-18090}; EMBEDDED_PORT=${EMBEDDED_PORT:-27098}
OURS_URL="http://127.0.0.1:$PORT/graphql"
. "$PEER_DIR/env.sh"
PEER_URL="http://$GQL_HOST:$GQL_PORT/graphql"
WORK=/tmp/sanctions-peer; mkdir -p "$WORK"
STAMP=$(date -u +%Y%m%dT%H%M%SZ); RUNS="$WORK/runs-$STAMP"; mkdir -p "$RUNS"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  "$PEER_DIR/postgraphile.sh" stop >/dev/null 2>&1 || true
  "$PEER_DIR/pg.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
step() { echo "[compare $(date -u +%H:%M:%S)] $*"; }

step "peer: setup, generate $SIZE, load PostgreSQL, start PostGraphile"
"$PEER_DIR/setup.sh" > "$RUNS/peer-setup.log"
"$PEER_DIR/gen.py" "$SIZE" | tee "$RUNS/peer-gen.log"
"$PEER_DIR/postgraphile.sh" stop >/dev/null 2>&1 || true
"$PEER_DIR/postgraphile.sh" start

if [ -z "${SKIP_BUILD:-}" ]; then
  step "ours: build"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi
JAR=$(ls "$ROOT"/target/sanctions-graph-*.jar | grep -v original | head -1)
DATA="$WORK/$SIZE"
step "ours: start on $OURS_URL (embedded store in $DATA; loads $DATA_DIR/$SIZE once)"
export JAVA_OPTS=${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --sanctions.embedded.port="$EMBEDDED_PORT" \
  --sanctions.embedded.data-dir="$DATA" --sanctions.seed.enabled=false \
  --sanctions.generate.csv-dir="$DATA_DIR/$SIZE" \
  --sanctions.limits.anonymous-per-minute=1000000000 > "$RUNS/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq "$LOAD_WAIT_S"); do
  grep -aq "Loaded CSV data set\|CSV data set .* already loaded" "$RUNS/app.log" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$RUNS/app.log"; exit 1; }
  sleep 1
done
grep -a "Started SanctionsGraphApplication\|CSV data set" "$RUNS/app.log" | sed 's/^.*: //'
# Loaded is not ready: the search index is built next, and the app answers 503 until readiness says UP.
for _ in $(seq "$LOAD_WAIT_S"); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$RUNS/app.log"; exit 1; }
  sleep 1
done

step "ours: same answers as the peer?"
mkdir -p "$RUNS/answers/ours" "$RUNS/answers/peer"
for q in "$HERE"/queries/*.graphql; do
  n=$(basename "$q" .graphql)
  SAMPLE_LINES=0 node "$PEER_DIR/load.js" check "$OURS_URL" "$q" "$RUNS/answers/ours/$n.response.json" >/dev/null
  SAMPLE_LINES=0 node "$PEER_DIR/load.js" check "$PEER_URL" "$PEER_DIR/queries/$n.graphql" "$RUNS/answers/peer/$n.response.json" >/dev/null
done
python3 "$HERE/same_answers.py" "$RUNS/answers/ours" "$RUNS/answers/peer" | tee "$RUNS/same-answers.txt"

step "warm-up: ${JIT_WARMUP_S}s of load on ours (JIT), 10 s per query on the peer"
per=$(( JIT_WARMUP_S / 3 ))
for q in "$HERE"/queries/*.graphql; do node "$PEER_DIR/load.js" bench "$OURS_URL" "$q" 16 "$per" 1 >/dev/null; done
for q in "$PEER_DIR"/queries/*.graphql; do node "$PEER_DIR/load.js" bench "$PEER_URL" "$q" 16 10 1 >/dev/null; done

# on a real MongoDB its CPU and memory count too, when it runs on this machine
OURS_DB=""
[ -z "${SPRING_MONGODB_URI:-}" ] || OURS_DB=$(pgrep -d, -x mongod || true)
export OURS_STORE=${SPRING_MONGODB_URI:+mongodb}
PEER_SERVER=$("$PEER_DIR/postgraphile.sh" pid); PEER_DB=$("$PEER_DIR/pg.sh" pid)
run() {  # run LABEL CONNECTIONS ROUND
  local label=$1 c=$2 r=$3 out
  if [ "$label" = ours ]; then
    out=$(CONNECTIONS=$c SERVER_PIDS=$APP_PID DB_PIDS=$OURS_DB "$PEER_DIR/run.sh" "$OURS_URL" "$HERE/queries" "ours-c$c-r$r" \
      | tee -a "$RUNS/run.log" | tail -1)
  else
    out=$(CONNECTIONS=$c SERVER_PIDS=$PEER_SERVER DB_PIDS=$PEER_DB "$PEER_DIR/run.sh" "$PEER_URL" "$PEER_DIR/queries" "peer-c$c-r$r" \
      | tee -a "$RUNS/run.log" | tail -1)
  fi
  echo "${out#results in } $label $c $r" >> "$RUNS/index.txt"
}
for c in $CONNS; do
  for r in $(seq "$ROUNDS"); do
    step "round $r at $c connections: peer, then ours"
    run peer "$c" "$r"
    run ours "$c" "$r"
  done
done

OUT="$ROOT/bench/results/peer-$SIZE.md"
python3 "$HERE/table.py" "$RUNS" "$ROOT" "$PEER_DIR" > "$OUT"
step "table written to $OUT (runs in $RUNS)"
cat "$OUT"
