#!/usr/bin/env bash
# Replays a labelled CSV through the tension detector (no service, no database), makes a 7-day forecast for
# every municipality × category every 7 days from --from (weeks that end by --to) and prints one line
#   forecast weeks=N series=M mase=0.74 coverage80=0.80 naive_mase=1.00
# (MASE against the seasonal-naive "same week last time" forecast, pooled; coverage80 = share of actual weekly
# counts inside the 80% interval; README, «The week ahead»). Progress and an ETA on stderr. Example:
#   scripts/evaluate-forecast.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --from 2020-12-01 --to 2021-01-31
# Options: --per-week (a line per week, with daily figures), --coverage 0.8, --level-drift K, --trend-weight W,
#          --trend-days D (14), --holiday-factor F (1), --calendar FILE (calendar/spb.txt), --dispersion D, --zone
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-forecast "$@"
