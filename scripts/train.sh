#!/usr/bin/env bash
# Trains a region's classifier and routing table on a labelled CSV (Kursk or St Petersburg format) and
# writes model.bin and routing.csv into the region pack:
#   scripts/train.sh --region kursk --data ../shared/data/kursk/train.csv
#   scripts/train.sh --region spb --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz
#   scripts/train.sh --region spb --data SPB.csv.gz --with-corrections   # + the operators' corrections
# Options: --out DIR (default src/main/resources/regions/<region>), --class-balance X (0 = none, 1 = fully
# balanced class weights; default 0.3 — the shipped Kursk model uses 0, see README),
# --with-corrections: also train on the region's rows of the service's correction table (console, issue 15),
# with --database-url URL (jdbc:postgresql://127.0.0.1:5432/pulse), --database-user USER (pulse), password
# env PULSE_DB_PASSWORD (pulse), --correction-weight W (how many times each correction counts; default 1)
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools train "$@"
