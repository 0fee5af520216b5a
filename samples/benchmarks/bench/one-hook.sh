#!/bin/sh
# Whole-process latency of one hook: starts OneHook (six handlers, install hook, state committed with
# StateFile) RUNS times in a fresh JVM per run, in two JVM settings, and prints for each the wall time from
# process start to exit (median, min, p90, max, in ms) and the peak resident set (median and max, in MB).
#
# usage: samples/benchmarks/bench/one-hook.sh [RUNS]     (default 20; build first, see docs/benchmarks.md)
# env:   JAR (default samples/benchmarks/target/benchmarks.jar next to this script), JAVA (default java)
set -eu

runs=${1:-20}
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/../target/benchmarks.jar}
java=${JAVA:-java}
main=dev.charms.reactive.benchmarks.OneHook

if [ ! -f "$jar" ]; then
    echo "one-hook.sh: $jar not found; build it with" >&2
    echo "  mvn -B -q -o -pl samples/benchmarks -am verify -Dsurefire.failIfNoSpecifiedTests=false" >&2
    exit 2
fi
case $runs in
    ''|*[!0-9]*|0) echo "one-hook.sh: RUNS must be a positive number, not '$runs'" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Prints "median min p90 max" of the numbers in file $1, one a line.
stats() {
    sort -n "$1" | awk '{ v[NR] = $1 } END {
        p90 = int((NR * 9 + 9) / 10); if (p90 > NR) p90 = NR
        median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%s %s %s %s\n", median, v[1], v[p90], v[NR] }'
}

# One setting: $1 is its label, the rest are JVM options.
measure() {
    label=$1
    shift
    : > "$work/ms"
    : > "$work/kb"
    i=0
    while [ "$i" -lt "$runs" ]; do
        state=$work/state-$i
        mkdir "$state"
        if [ -x /usr/bin/time ]; then
            start=$(date +%s%N)
            /usr/bin/time -f %M -o "$work/rss" "$java" "$@" -cp "$jar" "$main" "$state" > /dev/null
            end=$(date +%s%N)
            cat "$work/rss" >> "$work/kb"
        else
            start=$(date +%s%N)
            "$java" "$@" -cp "$jar" "$main" "$state" --rss > /dev/null 2> "$work/rss"
            end=$(date +%s%N)
            sed -n 's/^rss-kb //p' "$work/rss" >> "$work/kb"
        fi
        [ -s "$state/state.json" ] || { echo "one-hook.sh: run $i committed no state" >&2; exit 1; }
        echo $(( (end - start) / 1000000 )) >> "$work/ms"
        rm -rf "$state"
        i=$((i + 1))
    done
    set -- $(stats "$work/ms")
    ms="median $1 ms, min $2, p90 $3, max $4"
    set -- $(stats "$work/kb")
    echo "$label: $runs runs, wall $ms; peak RSS median $(( $1 / 1024 )) MB, max $(( $4 / 1024 )) MB"
}

measure "default JVM"
measure "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
