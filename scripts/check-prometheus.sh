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

# The dashboards' queries are PromQL too: promtool parses them as recording rules (Grafana's variables
# replaced by sample values), so a syntax error in a panel fails here rather than on the wall's Grafana.
dashboard_rules=$(mktemp --suffix=.yaml)
trap 'rm -f "$dashboard_rules"' EXIT
python3 - "$dashboard_rules" grafana/dashboards/*.json <<'PY'
import json, sys
rules = []
for path in sys.argv[2:]:
    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("expr"), str):
                expr = (node["expr"].replace("$__rate_interval", "5m").replace("$__interval", "1m")
                        .replace("$__range", "6h").replace("$window", "24h"))
                rules.append({"record": "dashboard:query:%d" % len(rules), "expr": expr})
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    with open(path, encoding="utf-8") as file:
        walk(json.load(file))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, out)
print("[prometheus] %d dashboard queries" % len(rules))
PY
promtool check rules "$dashboard_rules"
