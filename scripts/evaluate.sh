#!/usr/bin/env bash
# Evaluates classification and routing on a labelled CSV through the production decision path and prints
#   category accuracy=0.912 macro_f1=0.801 n=981   (one line per label: category, topic, executor)
# then a per-class table. Examples:
#   scripts/evaluate.sh --region kursk --test ../shared/data/kursk/train.csv --folds scripts/kursk_folds.csv
#   scripts/evaluate.sh --region spb --test SPB.csv.gz --train SPB.csv.gz --train-before 2021-01-01
#   scripts/evaluate.sh --region spb --test FILE            # the model shipped in the region pack
# Options: --train FILE, --train-before DATE, --cv K, --folds FILE (id,fold), --table N (rows per table),
#          --class-balance X (when training: as in train.sh)
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate "$@"
