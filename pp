#!/usr/bin/env bash
# pp COMMAND ...: Primary Pipeline's one command-line entry (the console jar).
# With no command it serves the console, the workers and the webhooks. Builds the jar on first use,
# and again whenever a pom or a source file is newer than it (after a pull, say).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/console/target/primary-pipeline.jar"
stale() {
  [ -n "$(find "$here" -path "$here/var" -prune -o -path '*/target' -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]
}
if [ ! -f "$jar" ] || [ -n "${PP_REBUILD:-}" ] || stale; then
  echo "building $jar ..." >&2
  (cd "$here" && mvn -B -q -DskipTests package) >&2
fi
exec java ${PP_JAVA_OPTS:-} -Dpp.data-dir="${PP_DATA_DIR:-$here/var}" -jar "$jar" "$@"
