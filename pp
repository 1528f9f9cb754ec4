#!/usr/bin/env bash
# pp COMMAND ...: Primary Pipeline's one command-line entry (the console jar).
# With no command it serves the console, the workers and the webhooks. `pp bench NAME` runs the
# benchmarks jar instead (the benchmarks module; the product jar holds no benchmark). Client commands
# of the serving app run on a small classpath without Spring (see docs/cli.md).
# Builds the jar it runs on first use, and again whenever a pom or a source file is newer than it
# (after a pull, say).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/console/target"
jar="$target/primary-pipeline.jar"
module=console
args=("$@")
if [ "${1:-}" = bench ] || [ "${1:-} ${2:-}" = "help bench" ]; then
  jar="$here/benchmarks/target/primary-pipeline-benchmarks.jar"
  module=benchmarks
  if [ "$1" = bench ]; then args=("${@:2}"); else args=(help "${@:3}"); fi
fi
# The product is built from the poms and main sources outside benchmarks/; the benchmarks jar also
# from benchmarks/ and from core's and stages' test sources, where the data generators live.
stale() {
  local inputs=(\( -name pom.xml -o -path '*/src/main/*' \))
  if [ "$module" = benchmarks ]; then
    inputs=(\( -name pom.xml -o -path '*/src/main/*' -o -path "$here/core/src/test/*" \
        -o -path "$here/stages/src/test/*" \))
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
data="-Dpp.data-dir=${PP_DATA_DIR:-$here/var}"
# Clients of the serving app (ClientCommands.TYPES; CommandLineTest checks the two lists agree) run on
# a small classpath with a quick-start JIT and a class-data archive made on their first run: no Spring,
# no fat-jar loader, about half a second. See docs/cli.md.
quick=
case "${1:-}" in
  login|logout|whoami|launch|cycle|campaign|members|nominate|pledge|vote|receipts|verify|finance)
    quick="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k"
    ;;
  # a count runs long enough for the optimising compiler to pay, and needs core alone (no Spring)
  tally)
    quick="-XX:+UseSerialGC"
    ;;
esac
client="$target/primary-pipeline-client.jar"
if [ -n "$quick" ] && [ -f "$client" ]; then
  cp="$client$(printf ':%s' "$target"/client-lib/*.jar)"
  jsa="$target/client.jsa"
  [ "$jsa" -nt "$client" ] || rm -f "$jsa"
  main=org.primarypipeline.console.PrimaryPipeline
  if [ -f "$jsa" ]; then
    exec java $quick -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off ${PP_JAVA_OPTS:-} \
      "$data" -cp "$cp" "$main" "$@"
  fi
  # first run since the build: the archive is written at exit, then moved in place whole
  set +e
  java $quick -XX:ArchiveClassesAtExit="$jsa.$$" -Xlog:cds=off -Xlog:cds+dynamic=off ${PP_JAVA_OPTS:-} \
    "$data" -cp "$cp" "$main" "$@"
  status=$?
  set -e
  [ -f "$jsa.$$" ] && mv -f "$jsa.$$" "$jsa"
  exit $status
fi
# A supporter import runs once in a JVM of its own, and its Java work per row is light beside
# PostgreSQL's: the optimising compiler (C2) took a third to a half of that JVM's processor time and did
# not pay it back, at 1,000,000 rows or at 3,000,000; G1's concurrent marking took a fifth of what was
# left, where a batch needs throughput, not short pauses (docs/benchmarks.md, "Import in session 10").
# Its bench runs the import in its own JVM, so it runs the same way.
batch=
case "${1:-} ${2:-}" in
  "import-supporters "*|"bench import") batch="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC" ;;
esac
exec java $batch ${PP_JAVA_OPTS:-} "$data" -Dpp.home="$here" -jar "$jar" "${args[@]}"
