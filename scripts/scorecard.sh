#!/usr/bin/env bash
# Ranks the executors of the St Petersburg portal export by on-time first replies, with the service's own
# working calendar and scorecard classes (first reply = created_at → first_answer_at in working hours):
#   scripts/scorecard.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz [--top 5] [--calendar FILE]
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools scorecard "$@"
