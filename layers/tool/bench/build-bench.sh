#!/bin/sh
# Build time of the five-layer sample charm (SampleStack: basic, base-java, mid, interface http, hello) with the
# `reactive build` command line, each run a fresh JVM from command to finished .charm:
#   cold: into an empty output directory;  warm: over the output of the previous build.
# Usage: layers/tool/bench/build-bench.sh [RUNS]   (default 10; builds the module first, never installs)
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
runs="${1:-10}"

tool_classpath
classpath=$(cat "$work_dir/classpath")
sample="$work_dir/sample"
rm -rf "$sample"
java -cp "$classpath" dev.charms.reactive.layers.build.SampleStack "$sample"
export CHARM_LAYERS_DIR="$sample/layers" CHARM_INTERFACES_DIR="$sample/interfaces"

build() {
    java -cp "$classpath" dev.charms.reactive.layers.cli.Main build "$sample/hello" -o "$sample/out" \
        --lib "$sample/jars/hello-1.0.jar" --lib "$sample/jars/dep-2.0.jar" > /dev/null 2> "$work_dir/build.log"
}

: > "$work_dir/cold" && : > "$work_dir/warm"
i=0
while [ "$i" -lt "$runs" ]; do
    rm -rf "$sample/out"
    start=$(now_ms); build; end=$(now_ms)
    echo $((end - start)) >> "$work_dir/cold"
    start=$(now_ms); build; end=$(now_ms)
    echo $((end - start)) >> "$work_dir/warm"
    i=$((i + 1))
done
[ -s "$sample/out/hello.charm" ] || { echo "no hello.charm was built" >&2; exit 1; }
echo "java: $(java -version 2>&1 | head -n 1); $(nproc) cores"
echo "cold build (ms): $(stats < "$work_dir/cold")"
echo "warm build (ms): $(stats < "$work_dir/warm")"
