#!/usr/bin/env bash
# Checks the Prometheus files with promtool (Debian's `prometheus` package; installed with apt-get when
# missing, as root): the config, the rule file, and the rules' unit tests (prometheus/tests/).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[prometheus] installing promtool (Debian package prometheus)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "[prometheus] promtool missing (install Debian's prometheus package)"; exit 1
  fi
fi
promtool check config prometheus/prometheus.yml
promtool check rules prometheus/rules/*.yaml
promtool test rules prometheus/tests/*.yaml
