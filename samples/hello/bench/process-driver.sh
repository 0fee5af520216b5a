#!/bin/sh
# Time to simulate 100 hooks of the hello charm on the model simulator through real processes (each hook the built
# target/charm/hello.charm's dispatch in a fresh JVM, ProcessHookDriver) and in process, RUNS runs each, every run
# a new model and new unit directories (so each of the 3 units bootstraps on its first hook). Builds the module with
# the reactor first (never installs). Prints each process run, median/min/max per driver and per hook name.
# Usage: samples/hello/bench/process-driver.sh [RUNS]   (RUNS default 5)
set -eu
module_dir=$(cd "$(dirname "$0")/.." && pwd)
repo_dir=$(cd "$module_dir/../.." && pwd)
work_dir="$module_dir/target/bench"
runs="${1:-5}"

rm -rf "$work_dir" && mkdir -p "$work_dir"
(cd "$repo_dir" && mvn -B -q -o -pl samples/hello -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=test \
    -Dmdep.outputFile=target/bench/dependencies >&2)
classpath="$module_dir/target/test-classes:$module_dir/target/classes:$(cat "$work_dir/dependencies")"

echo "java: $(java -version 2>&1 | head -n 1); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$classpath" dev.charms.reactive.samples.hello.ProcessDriverBenchmark "$module_dir/src/main/charm" \
    "$module_dir/target/charm/hello.charm" "$work_dir/runs" "$runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work_dir/runs"
