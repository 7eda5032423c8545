#!/usr/bin/env bash
# Live-feed benchmark: starts the app on a fresh data directory (embedded server, seed story) on
# loopback, opens SUBSCRIBERS graphql-ws subscriptions to measureChanged (one WebSocket each)
# and records RATE measures a second for DURATION_S seconds through an ANALYST key; writes
# bench/results/feed-<date>.md with deliveries expected and received, delivery latency and the
# app's memory. The client is the pinned one of src/test/js/feed-client (npm ci into target/).
# Usage: bench/feed-benchmark.sh
#   env: SUBSCRIBERS=1000 RATE=10 DURATION_S=60 WARMUP_S=10 WORKERS=2 PORT=18090 SKIP_BUILD=1 (reuse target/*.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18090}
URL="http://127.0.0.1:$PORT/graphql"
DATA=/tmp/sanctions-feed-bench
export NODE_DIR=$ROOT/target/feed-bench-node
ADMIN_KEY="sgk_feed-benchmark-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT=$ROOT/bench/results/feed-$(date -u +%Y-%m-%d)-n${SUBSCRIBERS:-1000}.md
export SUBSCRIBERS=${SUBSCRIBERS:-1000} RATE=${RATE:-10} DURATION_S=${DURATION_S:-60} WARMUP_S=${WARMUP_S:-10} WORKERS=${WORKERS:-2}

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package
JAR=$(ls target/sanctions-graph-*.jar | head -1)
if ! cmp -s src/test/js/feed-client/package-lock.json "$NODE_DIR/package-lock.json"; then
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  cp src/test/js/feed-client/package.json src/test/js/feed-client/package-lock.json "$NODE_DIR/"
  (cd "$NODE_DIR" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

# one anonymous client (127.0.0.1) holds every subscription, and each handshake counts as a request
rm -rf "$DATA"
java -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --sanctions.data-dir="$DATA" \
  --sanctions.feed.max-subscriptions-per-client=$((SUBSCRIBERS + 10)) \
  --sanctions.limits.anonymous-per-minute=1000000 --sanctions.limits.analyst-per-minute=1000000 \
  --sanctions.security.bootstrap-admin-key="$ADMIN_KEY" > "$DATA.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -s "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"status":"UP"' && break
  kill -0 $PID 2>/dev/null || { tail -20 "$DATA.log"; exit 1; }
  sleep 0.5
done
ANALYST_KEY=$(curl -sf "$URL" -H 'content-type: application/json' -H "Authorization: Bearer $ADMIN_KEY" \
  -d '{"query":"mutation { issueApiKey(input: { name: \"feed benchmark analyst\", roles: [ANALYST] }) { secret } }"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["issueApiKey"]["secret"])')

APP_PID=$PID COMMIT=$(git rev-parse --short HEAD) \
  COMMAND="SUBSCRIBERS=$SUBSCRIBERS RATE=$RATE DURATION_S=$DURATION_S WARMUP_S=$WARMUP_S WORKERS=$WORKERS bench/feed-benchmark.sh" \
  node bench/feed-benchmark.mjs "$URL" "$ANALYST_KEY" "$OUT"
echo "written: $OUT"
