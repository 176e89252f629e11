#!/usr/bin/env bash
# Runs a main class — the offline commands' launcher ru.tsur.pulse.tools.PulseTools — on the compiled classes
# and the project's dependencies: compiles first and writes target/classpath.txt when needed. Used by
# train.sh, evaluate.sh, evaluate-corrections.sh, replay.sh, import-history.sh, evaluate-tension.sh,
# evaluate-prevention.sh, evaluate-incidents.sh, evaluate-measures.sh and scorecard.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
main_class=$1; shift
if [ ! -f "$root/target/classpath.txt" ] || [ ! -d "$root/target/classes/ru" ] || [ "$root/pom.xml" -nt "$root/target/classpath.txt" ] \
   || [ -n "$(find "$root/src/main" -newer "$root/target/classpath.txt" -type f -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
  touch "$root/target/classpath.txt"
fi
exec java ${JAVA_OPTS:--Xmx4g} -cp "$root/target/classes:$(cat "$root/target/classpath.txt")" "$main_class" "$@"
