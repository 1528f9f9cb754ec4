#!/usr/bin/env bash
# pp COMMAND ...: Primary Pipeline's one command-line entry (the console jar).
# With no command it serves the console, the workers and the webhooks. `pp bench NAME` runs the
# benchmarks jar instead (the benchmarks module; the product jar holds no benchmark).
# Builds the jar it runs on first use, and again whenever a pom or a source file is newer than it
# (after a pull, say).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/console/target/primary-pipeline.jar"
module=console
args=("$@")
if [ "${1:-}" = bench ] || [ "${1:-} ${2:-}" = "help bench" ]; then
  jar="$here/benchmarks/target/primary-pipeline-benchmarks.jar"
  module=benchmarks
  if [ "$1" = bench ]; then args=("${@:2}"); else args=(help "${@:3}"); fi
fi
# The product is built from the poms and main sources outside benchmarks/; the benchmarks jar also
# from benchmarks/ and from core's and activities' test sources, where the data generators live.
stale() {
  local inputs=(\( -name pom.xml -o -path '*/src/main/*' \))
  if [ "$module" = benchmarks ]; then
    inputs=(\( -name pom.xml -o -path '*/src/main/*' -o -path "$here/core/src/test/*" \
        -o -path "$here/activities/src/test/*" \))
  else
    inputs=(-path "$here/benchmarks" -prune -o "${inputs[@]}")
  fi
  [ -n "$(find "$here" -path "$here/var" -prune -o -path '*/target' -prune -o \
      "${inputs[@]}" -type f -newer "$jar" -print -quit)" ]
}
if [ ! -f "$jar" ] || [ -n "${PP_REBUILD:-}" ] || stale; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -DskipTests -pl "$module" -am package) >&2
  # Maven leaves a jar whose inputs did not change untouched (a touched pom, say): mark it current,
  # or every later run would build again
  touch "$jar"
fi
exec java ${PP_JAVA_OPTS:-} -Dpp.data-dir="${PP_DATA_DIR:-$here/var}" -jar "$jar" "${args[@]}"
