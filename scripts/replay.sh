#!/usr/bin/env bash
# Replays a CSV in the shared St Petersburg portal format through the ingest API at N× real time.
#   scripts/replay.sh ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --speed 600
#   scripts/replay.sh FILE --speed max --days 7 --url http://127.0.0.1:8080 [--time now]
# The service asks who posts: --api-key KEY (a source key for "portal": scripts/keys.sh create replay portal)
# or --token TOKEN (an operator's token), or the environment variables PULSE_API_KEY / PULSE_TOKEN.
# Prints "replay sent=… accepted=… duplicates=… skipped=… seconds=… rate=…/s". All options: scripts/replay.sh --help.
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools replay "$@"
