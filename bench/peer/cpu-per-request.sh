#!/usr/bin/env bash
# bench/peer/cpu-per-request.sh PID [URL] — for each query of bench/peer/queries: requests per second
# and the CPU time the process PID (this API, with its embedded database) spent per request, under
# autocannon at CONNECTIONS (16) for DURATION_S (6) seconds after 2 s of warm-up. A quick check of
# one change; the side-by-side figures come from compare.sh. Needs the kit's load.js (PEER_DIR)
# and its node modules (NODE_DIR, default /tmp/peers/node).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PID=$1; URL=${2:-http://127.0.0.1:8080/graphql}
[ -n "${PEER_DIR:-}" ] || { echo "set PEER_DIR to the PostGraphile benchmark kit (setup.sh, gen.py, run.sh, load.js)" >&2; exit 2; }
PEER_DIR=$(cd "$PEER_DIR" && pwd)
export NODE_DIR=${NODE_DIR:-/tmp/peers/node}
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)
for q in "$ROOT"/bench/peer/queries/*.graphql; do
  node "$PEER_DIR/load.js" bench "$URL" "$q" "${CONNECTIONS:-16}" 2 1 > /dev/null
  t0=$(ticks)
  out=$(node "$PEER_DIR/load.js" bench "$URL" "$q" "${CONNECTIONS:-16}" 0.01 "${DURATION_S:-6}")
  t1=$(ticks)
  echo "$out" | python3 -c "
import json, sys
b = json.load(sys.stdin)
cpu_ms = ($t1 - $t0) * 1000 / $hz
print(f\"{b['query']:12s} {b['rps_total']:8.1f} req/s   server CPU {cpu_ms / b['requests']:.3f} ms/request   errors {b['errors'] + b['non2xx'] + b['gqlErrors']}\")"
done
