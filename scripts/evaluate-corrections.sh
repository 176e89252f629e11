#!/usr/bin/env bash
# Measures what operators' corrections buy (README, «Learning from operators' corrections»): trains before
# --from, lets a simulated operator correct the messages the model flags for triage from --from to --split
# with their true labels (masked, as the console stores them), retrains with those corrections as
# train.sh --with-corrections does, and evaluates both models from --split to --until:
#   JAVA_OPTS=-Xmx3g scripts/evaluate-corrections.sh --region spb \
#       --data ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --correction-weight 1,2,3
# Options: --from DATE (2021-01-01), --split DATE (2021-01-16), --until DATE (2021-02-01),
#          --correction-weight W[,W...] (as train.sh's default), --triage-below P (the service's 0.5),
#          --class-balance X (as in train.sh). Figures on stdout, progress with estimates on stderr.
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools evaluate-corrections "$@"
