#!/usr/bin/env bash
# Replays a CSV through the incident finder (README «Prevention» / «Incidents with one root cause»): messages of
# one topic from several nearby buildings at once. Prints one line per incident, then incidents=N:
#   incident start=… detected=… area=r=…m@LAT,LON topic="…" buildings=B messages=M p=… cause="…"
# Example:
#   scripts/evaluate-incidents.sh --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz
# Options: --from DATE / --to DATE (print incidents starting in [from, to); replay messages before to),
#          --inject K,R,HOURS,START,LAT,LON,TOPIC (repeatable: K synthetic buildings within R m of LAT,LON, one
#          message each over HOURS from START, e.g. 8,300,6,2020-12-10T08:00,59.93,30.36,Отсутствие горячей воды;
#          prints "injected … found=yes after=2h15m" or "found=no"), --seed S (17), --link-metres M (400),
#          --link-hours H (12), --min-places N (3), --alpha A (0.001), --background-days D (28), --zone (Europe/Moscow).
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-incidents "$@"
