#!/usr/bin/env bash
# Replays a labelled CSV through the tension detector in simulated time (no service, no database) and prints
#   alert start=2021-01-14T09:00 end=2021-01-15T18:00 scope=<municipality|region> category=… topic=…|- observed=37 expected=9.2 score=88
# per alert, then "alerts=N series=M". Examples:
#   scripts/evaluate-tension.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz
#   scripts/evaluate-tension.sh --data FILE --inject "municipality=город Колпино,category=Благоустройство,start=2020-11-10T10:00,hours=6,factor=3"
#   scripts/evaluate-tension.sh --data FILE --quiet --trials 100 --seed 7      # 3x 6 h spikes, median-volume municipalities
#   scripts/evaluate-tension.sh --data FILE --quiet --quiet-until 2020-12-01   # false alarms per municipality per 30 days
# Options: --inject SPEC (repeatable), --trials N, --seed S, --factor F, --hours H, --within B, --volume-band 0.4-0.6,
#          --warmup-days D (14), --quiet-until DATE, --quiet (no alert lines), --zone, --bucket PT1H,
#          detector knobs as in pulse.tension.*: --alpha, --dispersion, --min-count, --min-ratio, --windows 1,3,6
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-tension "$@"
