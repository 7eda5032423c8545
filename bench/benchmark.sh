#!/usr/bin/env bash
# Load benchmark: builds the app, starts it on a fresh data directory (the embedded server, or
# SPRING_MONGODB_URI when set), loads a data size, drives the GraphQL endpoint with autocannon at
# several connection counts, and writes bench/results/<size>.md with the machine, size, date, commit.
# Usage: bench/benchmark.sh [small|medium|large]
#   env: CONNECTIONS="1 16 64" WARMUP_S=5 DURATION_S=20 PORT=18080
set -euo pipefail
SIZE=${1:-small}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18080}
URL="http://127.0.0.1:$PORT/graphql"
DATA=${DATA_DIR:-/tmp/sanctions-bench/$SIZE}
export NODE_DIR=$ROOT/target/bench-node
export ADMIN_KEY="sgk_benchmark-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT_DIR=$ROOT/bench/results
mkdir -p "$OUT_DIR" /tmp/sanctions-bench

./mvnw -q -B -DskipTests package
JAR=$(ls target/sanctions-graph-*.jar | head -1)
if [ ! -d "$NODE_DIR/node_modules/autocannon" ]; then
  npm install --silent --prefix "$NODE_DIR" autocannon@8.0.0 >/dev/null
fi

COMMON=(--server.port=$PORT --sanctions.limits.anonymous-per-minute=1000000000
  --sanctions.limits.analyst-per-minute=1000000000 --sanctions.limits.reader-per-minute=1000000000
  --sanctions.security.bootstrap-admin-key=$ADMIN_KEY)

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    if curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$1"; then return 0; fi
    sleep 0.2
  done
  return 1
}

# 1. start-up to first answer on an empty database
rm -rf /tmp/sanctions-bench/empty
t0=$(date +%s%N)
java -jar "$JAR" "${COMMON[@]}" --sanctions.embedded.data-dir=/tmp/sanctions-bench/empty > /tmp/sanctions-bench/startup.log 2>&1 &
PID=$!
wait_for "$URL" 300
STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
kill $PID; wait $PID 2>/dev/null || true
echo "start-up to first answer (empty database): $STARTUP_MS ms"

# 2. the data size, loaded once into a fresh directory
rm -rf "$DATA"
t0=$(date +%s)
java -Xmx2g -jar "$JAR" "${COMMON[@]}" --sanctions.embedded.data-dir="$DATA" --sanctions.generate.size="$SIZE" \
  --sanctions.embedded.port=${EMBEDDED_PORT:-27099} \
  > "/tmp/sanctions-bench/$SIZE.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until grep -q "Indexed" "/tmp/sanctions-bench/$SIZE.log"; do
  kill -0 $PID 2>/dev/null || { tail -20 "/tmp/sanctions-bench/$SIZE.log"; exit 1; }
  sleep 1
done
LOAD_S=$(( $(date +%s) - t0 ))
echo "generated and indexed $SIZE in $LOAD_S s"
export ANALYST_KEY=$(curl -s "$URL" -H 'content-type: application/json' -H "Authorization: Bearer $ADMIN_KEY" \
  -d '{"query":"mutation { issueApiKey(input: { name: \"benchmark analyst\", roles: [ANALYST] }) { secret } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["issueApiKey"]["secret"])')

node bench/load.mjs "$URL" bench/queries "/tmp/sanctions-bench/$SIZE.json"
PEAK_RSS_MB=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$PID/status)

# 3. the same reads without GraphQL and HTTP (the app's data code over the driver), one at a time
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
  org.sanctionsgraph.bench.DataLayerBaseline "mongodb://127.0.0.1:${EMBEDDED_PORT:-27099}/sanctions" 100 \
  | grep '^|' > "/tmp/sanctions-bench/$SIZE.baseline.md"

python3 - "$SIZE" "$STARTUP_MS" "$LOAD_S" "$PEAK_RSS_MB" "/tmp/sanctions-bench/$SIZE.json" "$OUT_DIR/$SIZE.md" \
  "${WARMUP_S:-5}" "${DURATION_S:-20}" "${CONNECTIONS:-1 16 64}" <<'PY'
import json, subprocess, sys, datetime, platform
size, startup, load_s, rss, src, out, warmup, duration, connections = sys.argv[1:]
rows = json.load(open(src))
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) // 1048576 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
lines = [f"# Benchmark: {size} data",
         "",
         f"- date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; commit {commit}",
         f"- machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores ({cpu}), {mem} GiB; "
         f"load generator, app and embedded database on the same machine, on loopback",
         f"- database: the embedded server (mongo-java-server, H2 file store) inside the app's JVM",
         f"- start-up to first answer on an empty database: {startup} ms",
         f"- generating and indexing the data: {load_s} s; app peak resident memory (VmHWM) over the run: {rss} MiB",
         f"- command: `WARMUP_S={warmup} DURATION_S={duration} CONNECTIONS=\"{connections}\" bench/benchmark.sh {size}`; "
         f"autocannon 8.0.0, {warmup} s warm-up then {duration} s measured per query and connection count",
         "",
         "Throughput and errors from autocannon; latency percentiles from clients that wait for each answer",
         "(as many as the connections, 10 s), since autocannon 8's latency figures on this machine run far",
         "above what such a client sees (see the README).",
         "",
         "| query | connections | req/s (autocannon) | p50 ms | p95 ms | p99 ms | errors | GraphQL errors | MongoDB commands/request |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for r in rows:
    errors = r["non2xx"] + r["errors"] + r["timeouts"]
    m = r.get("measured") or {}
    lines.append(f"| {r['query']} | {r['connections']} | {r['requestsPerSecond']} | {m.get('p50', '–')} | {m.get('p95', '–')} | "
                 f"{m.get('p99', '–')} | {errors} | {r['graphqlErrors']} | {r.get('mongoCommandsPerRequest', '–')} |")
baseline = {}
for line in open(src.replace(".json", ".baseline.md")):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if cells and cells[0] not in ("query", "---"):
        baseline[cells[0]] = float(cells[1])
lines += ["",
          "The same reads made by the app's data code over the MongoDB driver, without GraphQL and HTTP, one at a time,",
          "against the API on one connection (p50):",
          "",
          "| query | data layer p50 ms | API p50 ms | share of the request in GraphQL and HTTP |",
          "|---|---:|---:|---:|"]
for r in rows:
    if r["connections"] == 1 and r["query"] in baseline and r.get("measured"):
        api = r["measured"]["p50"]
        data = baseline[r["query"]]
        lines.append(f"| {r['query']} | {data} | {api} | {max(0.0, 1 - data / api):.0%} |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
