#!/usr/bin/env bash
# Replays a CSV in the shared St Petersburg portal format through the ingest API at N× real time.
#   scripts/replay.sh ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --speed 600
#   scripts/replay.sh FILE --speed max --days 7 --url http://127.0.0.1:8080 [--time now]
# The service asks who posts: --api-key KEY (a source key for "portal": scripts/keys.sh create replay portal)
# or --token TOKEN (an operator's token), or the environment variables PULSE_API_KEY / PULSE_TOKEN.
# Options are documented in src/main/java/ru/tsur/pulse/replay/Replay.java. Needs only a JDK: it runs
# the project's compiled classes (compiling them first if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/ru/tsur/pulse/replay/Replay.class ]; then
  ./mvnw -B -q compile
fi
root=$(pwd)
cd - >/dev/null
exec java -cp "$root/target/classes" ru.tsur.pulse.replay.Replay "$@"
