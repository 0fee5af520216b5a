# shellcheck shell=sh
# Shared by the benchmark scripts of this directory (sourced, not run).
set -eu

module_dir=$(cd "$(dirname "$0")/.." && pwd)
repo_dir=$(cd "$module_dir/../.." && pwd)
work_dir="$module_dir/target/bench"

# Builds the layer tool with the reactor (never installs) and writes its test classpath to $work_dir/classpath.
tool_classpath() {
    mkdir -p "$work_dir"
    (cd "$repo_dir" && mvn -B -q -o -pl layers/tool -am package -DskipTests \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=test \
        -Dmdep.outputFile=target/bench/dependencies >&2)
    printf '%s:%s:%s\n' "$module_dir/target/test-classes" "$module_dir/target/classes" \
        "$(cat "$module_dir/target/bench/dependencies")" > "$work_dir/classpath"
}

# Milliseconds since the epoch.
now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# Reads numbers, one a line; prints their median, minimum and maximum.
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "median %s (min %s, max %s, n=%d)", m, v[1], v[NR], NR }'
}
