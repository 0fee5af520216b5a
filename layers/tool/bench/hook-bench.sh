#!/bin/bash
# Whole-hook latency of a built charm through its real dispatch, as Juju runs it, with the stub hook tools of
# core (dev.charms.reactive.juju.stubtools) first on PATH. Bootstraps once (install, untimed), then runs install,
# config-changed and update-status RUNS times each for time and RUNS times each for memory, with the
# class-data-sharing archive and without it (the JDK's own base archive still applies). Reports per hook: wall
# time from exec to exit (median, min, max, ms; bash's EPOCHREALTIME around the dispatch process, so no helper
# process is timed with it), peak RSS (MB, GNU time's %M, else VmHWM polled from /proc, in runs of their own), and
# hook-tool processes per hook (calls.log lines).
# Usage: layers/tool/bench/hook-bench.sh CHARM_DIR [RUNS]   (RUNS default 20; CHARM_DIR is copied, not changed)
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
source_charm=$(cd "$1" && pwd)
runs="${2:-20}"
stubs_source="$repo_dir/core/src/main/resources/dev/charms/reactive/juju/stubtools"

rig="$work_dir/hook"
rm -rf "$rig" && mkdir -p "$rig/bin" "$rig/state"
cp -R "$source_charm" "$rig/charm"
cp "$stubs_source/hook-tool" "$stubs_source/json.awk" "$rig/bin/" && chmod 755 "$rig/bin/hook-tool"
# The tools of StubHookTools.TOOLS, each a link to the one stub script.
for tool in action-fail action-get action-log action-set application-version-set close-port config-get \
    is-leader juju-log leader-get leader-set network-get open-port opened-ports relation-get relation-ids \
    relation-list relation-set state-delete state-get state-set status-get status-set unit-get; do
    ln -s hook-tool "$rig/bin/$tool"
done
printf '{"greeting": "hi"}' > "$rig/state/config.json"
printf 'true' > "$rig/state/leader"

PATH="$rig/bin:$PATH"
STUB_STATE_DIR="$rig/state"
JUJU_CHARM_DIR="$rig/charm"
JUJU_UNIT_NAME="${JUJU_UNIT_NAME:-$(sed -n 's/^name: *//p' "$rig/charm/metadata.yaml")/0}"
JUJU_MODEL_NAME=bench
JUJU_VERSION=3.6.0
REACTIVE_JAVA="${REACTIVE_JAVA:-$(command -v java)}"
export PATH STUB_STATE_DIR JUJU_CHARM_DIR JUJU_UNIT_NAME JUJU_MODEL_NAME JUJU_VERSION REACTIVE_JAVA

calls() {
    if [ -f "$rig/state/calls.log" ]; then wc -l < "$rig/state/calls.log"; else echo 0; fi
}

# Microseconds since the epoch, without starting a process.
now_us() {
    echo "${EPOCHREALTIME/[.,]/}"
}

# Runs hook $1 once; appends ms to $rig/ms and tool processes to $rig/tools.
time_hook() {
    before=$(calls)
    start=$(now_us)
    JUJU_DISPATCH_PATH="hooks/$1" "$rig/charm/dispatch" > "$rig/out" 2> "$rig/err" || { cat "$rig/err" >&2; exit 1; }
    end=$(now_us)
    echo "$(((end - start) / 1000))" >> "$rig/ms"
    echo $(($(calls) - before)) >> "$rig/tools"
}

# Runs hook $1 once; appends its peak RSS (KB) to $rig/rss.
measure_hook() {
    if [ -x /usr/bin/time ]; then
        JUJU_DISPATCH_PATH="hooks/$1" /usr/bin/time -f %M -o "$rig/rss.one" "$rig/charm/dispatch" \
            > "$rig/out" 2> "$rig/err" || { cat "$rig/err" >&2; exit 1; }
    else
        JUJU_DISPATCH_PATH="hooks/$1" "$rig/charm/dispatch" > "$rig/out" 2> "$rig/err" &
        pid=$! peak=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
        done
        wait "$pid" || { cat "$rig/err" >&2; exit 1; }
        echo "$peak" > "$rig/rss.one"
    fi
    tail -n 1 "$rig/rss.one" >> "$rig/rss"
}

JUJU_DISPATCH_PATH=hooks/install "$rig/charm/dispatch" > /dev/null 2> "$rig/bootstrap.err" \
    || { cat "$rig/bootstrap.err" >&2; exit 1; }
[ -f "$rig/charm/.reactive/classes.jsa" ] || echo "warning: bootstrap wrote no class-data-sharing archive" >&2

echo "charm: $source_charm; java: $("$REACTIVE_JAVA" -version 2>&1 | head -n 1); $(nproc) cores; $runs runs each"
for mode in cds no-cds; do
    if [ "$mode" = no-cds ]; then
        # Without the archive, and without the dispatch script preparing it again (as it would for a missing one).
        mv "$rig/charm/.reactive/classes.jsa" "$rig/classes.jsa.off"
        : > "$rig/charm/.reactive/classes.jsa.failed"
    fi
    for hook in install config-changed update-status; do
        : > "$rig/ms" && : > "$rig/rss" && : > "$rig/tools"
        i=0
        while [ "$i" -lt "$runs" ]; do
            time_hook "$hook"
            i=$((i + 1))
        done
        i=0
        while [ "$i" -lt "$runs" ]; do
            measure_hook "$hook"
            i=$((i + 1))
        done
        rss=$(awk '{ printf "%.1f\n", $1 / 1024 }' "$rig/rss" | stats)
        printf '%-7s %-15s ms: %s; peak RSS MB: %s; tool processes: %s\n' "$mode" "$hook" \
            "$(stats < "$rig/ms")" "$rss" "$(sort -n "$rig/tools" | uniq | tr '\n' ' ')"
    done
done
