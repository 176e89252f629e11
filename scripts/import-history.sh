#!/usr/bin/env bash
# Loads a region's past messages from a CSV straight into PostgreSQL in bulk: classified, located and routed as
# the service decides, written as the service writes them (masked display text, idempotent on source and id), but
# raising no case and no alert; the service counts them into Redis and warms its baselines from them.
#   scripts/import-history.sh ../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz --shift-weeks auto
#   scripts/import-history.sh FILE --region kursk --from 2021-01-01 --to 2021-01-31 --database-url jdbc:postgresql://db:5432/pulse
# Prints "import-history read=… imported=… already_present=… refused=… … seconds=… rate=…/s" and a line per refusal
# reason; progress with an estimate on stderr. Password: env PULSE_DB_PASSWORD. All options: scripts/import-history.sh --help.
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools import-history "$@"
