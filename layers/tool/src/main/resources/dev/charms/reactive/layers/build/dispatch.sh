#!/bin/sh
# Juju runs this for every hook and action of the charm @CHARM_NAME@; hooks/* link here for Juju before 2.8.
# Written by `reactive build` from the options of layer basic; do not edit (rebuild instead).
#
# The first hook bootstraps: it finds (or installs with apt) Java @JAVA_VERSION@ or later, installs the extra
# packages, and prepares a class-data-sharing archive for fast start. upgrade-charm and post-series-upgrade
# bootstrap again before any handler runs. The marker .reactive/bootstrapped is written only after a bootstrap
# succeeds, so a failed one is redone when Juju retries the hook. Then it execs the reactive entrypoint.
#
# Variables for tests and operators: REACTIVE_JAVA (a java binary to try first), REACTIVE_JVM_DIR (where
# runtimes are installed, default /usr/lib/jvm), REACTIVE_APT_ATTEMPTS (default 5) and REACTIVE_APT_DELAY
# (seconds between attempts, default 10).
set -u

JUJU_DISPATCH_PATH="${JUJU_DISPATCH_PATH:-hooks/$(basename "$0")}"
export JUJU_DISPATCH_PATH
if [ -z "${JUJU_CHARM_DIR:-}" ]; then
    JUJU_CHARM_DIR="${CHARM_DIR:-$(cd "$(dirname "$0")" && pwd -P)}"
    case "$JUJU_CHARM_DIR" in */hooks) JUJU_CHARM_DIR="${JUJU_CHARM_DIR%/hooks}" ;; esac
    export JUJU_CHARM_DIR
fi
cd "$JUJU_CHARM_DIR" || exit 1

java_version=@JAVA_VERSION@
packages="@PACKAGES@"
classpath="@CLASSPATH@"
main=dev.charms.reactive.Main
marker=.reactive/bootstrapped
archive=.reactive/classes.jsa
classlist=.reactive/classes.lst
hook="${JUJU_DISPATCH_PATH##*/}"
# JVM messages go to stderr, which Juju logs; stdout is the charm's.
jvm_log="-Xlog:disable -Xlog:all=warning:stderr"
jvm_log_errors="-Xlog:disable -Xlog:all=error:stderr"
# Start-up and memory over peak throughput: hooks are short. 16 MB of heap is enough for a steady hook to need
# no collection; G1 is the collector under which the JVM maps the archive's heap objects.
jvm_options="-XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:-UsePerfData -Xss256k -Xms16m"

log() {
    juju-log -l "$1" "dispatch: $2" 2>/dev/null || printf 'dispatch: %s: %s\n' "$1" "$2" >&2
}

blocked() {
    log ERROR "$1"
    status-set blocked "$1" || printf 'dispatch: status-set failed; the unit should be blocked: %s\n' "$1" >&2
    exit 1
}

# Prints the feature version of the java binary $1 (17 for 17.0.15, 8 for 1.8.0), nothing if it does not run.
java_major() {
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' | head -n 1
}

# Prints the first java binary of version $java_version or later: $REACTIVE_JAVA, java on PATH, then the
# runtimes Debian and Ubuntu install under /usr/lib/jvm.
find_java() {
    jvm_dir="${REACTIVE_JVM_DIR:-/usr/lib/jvm}"
    for candidate in "${REACTIVE_JAVA:-}" "$(command -v java 2>/dev/null)" \
        "$jvm_dir"/java-"$java_version"-openjdk-*/bin/java "$jvm_dir"/java-*-openjdk-*/bin/java; do
        [ -x "$candidate" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge "$java_version" ]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

# apt-get install "$@", retried with an apt-get update between attempts (mirrors and locks come and go).
apt_install() {
    attempts="${REACTIVE_APT_ATTEMPTS:-5}"
    delay="${REACTIVE_APT_DELAY:-10}"
    attempt=1
    while :; do
        DEBIAN_FRONTEND=noninteractive apt-get --assume-yes --option=Dpkg::Options::=--force-confold \
            install "$@" >&2 && return 0
        if [ "$attempt" -ge "$attempts" ]; then
            log ERROR "apt-get install $* failed $attempts times"
            return 1
        fi
        log WARNING "apt-get install $* failed (attempt $attempt of $attempts); apt-get update, retry in ${delay}s"
        sleep "$delay"
        apt-get update >&2 || log WARNING "apt-get update failed"
        attempt=$((attempt + 1))
    done
}

# Prepares the class-data-sharing archive: Main --train records what hooks would otherwise work out every time
# (the digest of the YAML files, the handler indexes of the jars) and runs sample hooks; the classes they load
# are dumped into a static archive, with their heap objects (which the JVM maps only under G1), and the archive
# is kept only if a JVM started as hooks start accepts it. It holds only for these jars and this JVM: when a
# hook finds the JVM refused it (a JDK update, say), Main removes it and the next hook prepares a new one. A
# failure leaves $archive.failed, so that hooks do not try again before the next bootstrap. (The expected
# warnings of the dump, such as classes CDS cannot store, are left out of the log.)
prepare_archive() {
    rm -f "$archive" "$archive.tmp" "$archive.failed" "$classlist"
    # shellcheck disable=SC2086 # jvm_options is a list of options
    if "$java" -XX:DumpLoadedClassList="$classlist" $jvm_log_errors $jvm_options -cp "$classpath" "$main" \
            --train >&2 \
        && "$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive.tmp" \
            $jvm_log_errors $jvm_options -cp "$classpath" >&2 \
        && "$java" -Xshare:on -XX:SharedArchiveFile="$archive.tmp" $jvm_log_errors $jvm_options \
            -cp "$classpath" -version >/dev/null 2>&1 \
        && mv "$archive.tmp" "$archive"; then
        rm -f "$classlist"
    else
        rm -f "$archive.tmp" "$classlist"
        : > "$archive.failed"
        log WARNING "could not prepare the class-data-sharing archive $archive; hooks start more slowly"
    fi
}

bootstrap() {
    log INFO "bootstrapping for $hook: Java $java_version or later${packages:+, packages $packages}"
    mkdir -p -m 0700 .reactive || blocked "Cannot create $JUJU_CHARM_DIR/.reactive"
    if ! java=$(find_java); then
        status-set maintenance "Installing Java $java_version" || true
        # shellcheck disable=SC2086 # packages is a list of apt package names, checked by reactive build
        apt_install "openjdk-$java_version-jre-headless" $packages \
            || blocked "Cannot install openjdk-$java_version-jre-headless with apt-get; see juju debug-log"
        java=$(find_java) || blocked "No Java $java_version or later after installing openjdk-$java_version-jre-headless"
    elif [ -n "$packages" ]; then
        status-set maintenance "Installing $packages" || true
        # shellcheck disable=SC2086
        apt_install $packages || blocked "Cannot install $packages with apt-get; see juju debug-log"
    fi
    prepare_archive
    if ! { printf '%s\n' "$java" > "$marker.tmp" && mv "$marker.tmp" "$marker"; }; then
        blocked "Cannot write $JUJU_CHARM_DIR/$marker"
    fi
}

case "$hook" in
    upgrade-charm|post-series-upgrade) rm -f "$marker" ;;
esac
java=
[ -f "$marker" ] && read -r java < "$marker"
if [ -z "$java" ] || [ ! -x "$java" ]; then
    bootstrap
elif [ ! -f "$archive" ] && [ ! -f "$archive.failed" ]; then
    prepare_archive
fi

share=
[ -f "$archive" ] && share="-XX:SharedArchiveFile=$archive"
# shellcheck disable=SC2086
exec "$java" $share $jvm_log $jvm_options -cp "$classpath" "$main"
