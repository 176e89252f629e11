#!/usr/bin/env bash
# JMH benchmark of normalize + classify on real message texts, one thread; prints messages per second.
#   scripts/bench-classify.sh            # St Petersburg model and texts
#   scripts/bench-classify.sh -p region=kursk
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main ClassifyBenchmark "$@"
