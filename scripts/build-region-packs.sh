#!/usr/bin/env bash
# Rebuilds the region packs (src/main/resources/regions/{spb,kursk}/ region.json, municipalities.geojson,
# demo-profile.json, demo-templates.json, demo-streets.json and regions/README.md) from the curated data in
# regions-source/ and the reference data, with the service's own normalizer, keyword classifier, locator and
# gazetteer.
# Run from the project root:
#   scripts/build-region-packs.sh [--data ../shared/data] [--out src/main/resources/regions] [--source regions-source]
# Deterministic: the same input gives byte-identical files. Progress on stderr, the measured figures on stdout.
set -euo pipefail
exec "$(dirname "$0")/jvm-tool.sh" ru.tsur.pulse.tools.PulseTools build-region-packs "$@"
