#!/usr/bin/env bash
# Placebo check of the measures' effect (README «What worked: measures and their effect»): fake measures at random
# municipalities × categories and days of a CSV did nothing, so their 95% intervals should hold "no effect" about
# 95% of the time. Prints
#   placebo measures=400 coverage95=… decrease=… increase=… median_ratio=… draws=N by=category weeks_before=6 weeks_after=4
# Example:
#   scripts/evaluate-measures.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz
# Options: --measures N (400), --weeks-before W (6), --weeks-after W (4), --by category|topic (category),
#          --seed S (1), --zone (Europe/Moscow).
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-measures "$@"
