#!/usr/bin/env bash
# Search benchmark: index build time, size and memory, and search latency at several name counts.
# Usage: bench/search-benchmark.sh [names ...]   (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath >/dev/null
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
  org.sanctionsgraph.search.SearchBenchmark "$@"
