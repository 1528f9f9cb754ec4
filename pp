#!/usr/bin/env bash
# pp COMMAND ...: Primary Pipeline's one command-line entry (the console jar).
# With no command it serves the console, the workers and the webhooks. Builds the jar on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/console/target/primary-pipeline.jar"
if [ ! -f "$jar" ] || [ -n "${PP_REBUILD:-}" ]; then
  echo "building $jar (once) ..." >&2
  (cd "$here" && mvn -B -q -DskipTests install) >&2
fi
exec java ${PP_JAVA_OPTS:-} -Dpp.data-dir="${PP_DATA_DIR:-$here/var}" -jar "$jar" "$@"
