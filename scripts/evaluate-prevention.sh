#!/usr/bin/env bash
# Builds the chronic-places register (README «Prevention») from the messages of a CSV before --until and prints
#   places k=200 precision=… baseline_precision=… ap=… baseline_ap=… candidates=N positives=P
# where a candidate is a place × topic of the register, positive when it gets a message within --horizon-days
# after --until, and the baseline ranks by the last 30 days' count. Example:
#   scripts/evaluate-prevention.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --until 2021-01-01
# Options: --horizon-days D (30), --k K (200), --by topic|category (topic), --prior-days B (30),
#          --list N (also print the register's first N rows), --zone (Europe/Moscow).
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-prevention "$@"
