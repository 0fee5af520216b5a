#!/bin/sh
# Whole-process time of `reactive graph` and `reactive lint` on a generated charm of 1,000 handlers (50 classes of
# 20, compiled with the annotation processor: GeneratedCharm), each run a fresh JVM from command to exit; first
# with the JVM's defaults, then with the flags the project gives short-lived JVMs (as dispatch does for hooks:
# C1 only, serial GC).
# Usage: layers/tool/bench/flow-bench.sh [RUNS]   (default 10; builds the module first, never installs)
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
runs="${1:-10}"

tool_classpath
classpath=$(cat "$work_dir/classpath")
charm="$work_dir/flow-charm"
rm -rf "$charm"
java -cp "$classpath" dev.charms.reactive.layers.flow.GeneratedCharm "$charm" 50 20 >&2

# measure NAME [JVM_FLAGS...]: RUNS runs of graph then lint; milliseconds into $work_dir/NAME.{graph,lint,both}.
measure() {
    name=$1
    shift
    : > "$work_dir/$name.graph" && : > "$work_dir/$name.lint" && : > "$work_dir/$name.both"
    i=0
    while [ "$i" -lt "$runs" ]; do
        start=$(now_ms)
        java "$@" -cp "$classpath" dev.charms.reactive.layers.cli.Main graph "$charm" -o "$work_dir/flow.dot"
        middle=$(now_ms)
        java "$@" -cp "$classpath" dev.charms.reactive.layers.cli.Main lint "$charm" > "$work_dir/lint.out" \
            || { cat "$work_dir/lint.out" >&2; exit 1; }
        end=$(now_ms)
        echo $((middle - start)) >> "$work_dir/$name.graph"
        echo $((end - middle)) >> "$work_dir/$name.lint"
        echo $((end - start)) >> "$work_dir/$name.both"
        i=$((i + 1))
    done
}

measure default
measure short -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
handlers=$(grep -c 'label="Handlers' "$work_dir/flow.dot")
[ "$handlers" -eq 1000 ] || { echo "the graph has $handlers handlers, not 1000" >&2; exit 1; }
echo "java: $(java -version 2>&1 | head -n 1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "charm: $handlers handlers; $(tail -n 1 "$work_dir/lint.out")"
for name in default short; do
    echo "$name JVM flags:"
    echo "  graph (ms):        $(stats < "$work_dir/$name.graph")"
    echo "  lint (ms):         $(stats < "$work_dir/$name.lint")"
    echo "  graph + lint (ms): $(stats < "$work_dir/$name.both")"
done
