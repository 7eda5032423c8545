#!/usr/bin/env bash
# bench/start-benchmark.sh DATA_DIR [RUNS] — start-up to ready on an existing embedded data directory:
# the plain jar, the same jar extracted, and the extracted jar with a class data sharing (CDS)
# archive, runs alternated.
#
# DATA_DIR is a data directory the app stopped cleanly on (a load by bench/peer/compare.sh large leaves
# one in /tmp/sanctions-peer/large), so that its index snapshot is read back. Each run starts the app
# on it, times `java` to readiness UP, waits until the snapshot is read, and stops the app cleanly
# (SIGTERM), which writes the snapshot again for the next run. Right after readiness it asks the
# country page of bench/peer/queries once, and times that first answer too.
#
# The CDS archive is made as the Dockerfile makes it: the jar extracted into target/cds, then one
# training run of the app on an empty data directory that stops once the application context is up
# (-Dspring.context.exit=onRefresh) and writes the classes it loaded to target/cds/app.jsa. The runs
# with it use -Xshare:on, so an archive the JVM would not map fails the run instead of measuring a
# start without it.
#
# Environment (optional): JAVA_OPTS (default -Xmx6g), SKIP_BUILD=1 (use the jar in target/),
# PORT=18091, EMBEDDED_PORT=27099.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:?usage: bench/start-benchmark.sh DATA_DIR [RUNS]}
RUNS=${2:-3}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx6g"}
PORT=${PORT:-18091}
EMBEDDED_PORT=${EMBEDDED_PORT:-27099}
[ -f "$DATA/sanctions.mv" ] || { echo "$DATA holds no embedded data file (sanctions.mv)" >&2; exit 2; }
[ -f "$DATA/sanctions.mv.indexes" ] || { echo "$DATA has no index snapshot: start and stop the app on it cleanly once first" >&2; exit 2; }
command -v bc >/dev/null && command -v python3 >/dev/null || { echo "needs bc and python3" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi
JAR=$(ls "$ROOT"/target/sanctions-graph-*.jar | grep -v original | head -1)
CDS="$ROOT/target/cds"
LOGS=$(mktemp -d /tmp/start-benchmark.XXXXXX)
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

echo "Making the CDS archive in $CDS"
rm -rf "$CDS"
java -Djarmode=tools -jar "$JAR" extract --destination "$CDS" > "$LOGS/extract.log"
CDS_JAR="$CDS/$(basename "$JAR")"
TRAIN=$(mktemp -d /tmp/start-benchmark-train.XXXXXX)
if ! java -XX:ArchiveClassesAtExit="$CDS/app.jsa" -Dspring.context.exit=onRefresh -jar "$CDS_JAR" \
  --server.port="$PORT" --sanctions.embedded.port="$EMBEDDED_PORT" --sanctions.data-dir="$TRAIN" \
  --sanctions.seed.enabled=false > "$LOGS/train.log" 2>&1 || [ ! -s "$CDS/app.jsa" ]; then
  tail -20 "$LOGS/train.log" >&2; echo "no CDS archive made" >&2; exit 1
fi
rm -rf "$TRAIN"

# the country page of bench/peer/queries, asked once right after readiness: the first answer
BODY="$LOGS/country.json"
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": json.load(open(sys.argv[2]))}))' \
  "$ROOT/bench/peer/queries/a_country.graphql" "$ROOT/bench/peer/queries/a_country.variables.json" > "$BODY"

# one run: sets READY and FIRST, the seconds from `java` to readiness UP and to the first country
# page answered
run() {
  local label=$1; shift
  local log="$LOGS/$label.log"
  local t0 t1 t2 deadline
  # without the snapshot of a clean stop the run would time a rebuild of every index instead
  [ -f "$DATA/sanctions.mv.indexes" ] || { echo "$DATA has no index snapshot before run $label" >&2; exit 1; }
  t0=$(date +%s%N)
  deadline=$(( $(date +%s) + 600 ))
  # shellcheck disable=SC2086
  java $JAVA_OPTS "$@" --server.port="$PORT" --sanctions.embedded.port="$EMBEDDED_PORT" \
    --sanctions.data-dir="$DATA" --sanctions.seed.enabled=false > "$log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not ready after 600 s: $log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  curl -s -o "$log.answer" -H 'Content-Type: application/json' --data @"$BODY" "http://127.0.0.1:$PORT/graphql" || true
  t2=$(date +%s%N)
  if ! grep -q '"measuresTargeting"' "$log.answer" || grep -q '"errors"' "$log.answer"; then
    echo "the country page was not answered: $(head -c 300 "$log.answer")" >&2; exit 1
  fi
  # the snapshot is read on a thread of its own: the next run needs it written again at the stop
  until grep -aq "Read [0-9]* indexes\|Could not read the index snapshot" "$log"; do
    sleep 0.5
  done
  kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=""
  READY=$(echo "scale=1; ($t1 - $t0) / 1000000000" | bc)
  FIRST=$(echo "scale=1; ($t2 - $t0) / 1000000000" | bc)
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "Data: $DATA ($(du -sh "$DATA" | cut -f1)), JAVA_OPTS: $JAVA_OPTS, $RUNS runs each, alternated"
plain=(); extracted=(); cds=(); plain_first=(); extracted_first=(); cds_first=()
for i in $(seq "$RUNS"); do
  run "plain-$i" -jar "$JAR"; plain+=("$READY"); plain_first+=("$FIRST")
  echo "run $i: plain jar ready after $READY s (first country page $FIRST s)"
  run "extracted-$i" -jar "$CDS_JAR"; extracted+=("$READY"); extracted_first+=("$FIRST")
  echo "run $i: extracted jar ready after $READY s (first country page $FIRST s)"
  run "cds-$i" -XX:SharedArchiveFile="$CDS/app.jsa" -Xshare:on -Xlog:cds=off -jar "$CDS_JAR"; cds+=("$READY"); cds_first+=("$FIRST")
  echo "run $i: extracted jar with the CDS archive ready after $READY s (first country page $FIRST s)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo " to " hi}'; }
summary() { echo "plain jar $(median "${!1}") ($(range "${!1}")), extracted $(median "${!2}") ($(range "${!2}")), with the CDS archive $(median "${!3}") ($(range "${!3}"))"; }
echo "ready after (s), median and range of $RUNS: $(summary 'plain[@]' 'extracted[@]' 'cds[@]')"
echo "first country page answered after (s): $(summary 'plain_first[@]' 'extracted_first[@]' 'cds_first[@]')"
grep -ah "Read [0-9]* indexes" "$LOGS"/*-[0-9]*.log | sed 's/^.*: //' || true
echo "logs in $LOGS"
