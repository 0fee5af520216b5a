#!/bin/sh
# Builds the six-handler bench charm "sixer" with the real runtime, for hook-bench.sh: core and its dependencies
# (annotations, gson, snakeyaml, classgraph) and a charm jar compiled with the annotation processor, so the charm
# carries a generated handler index (no reflective scan). Handlers: install (@Hook), configure (config.changed),
# start (@Hook), update-status (@Hook), and two that never run (flags nobody sets).
# Usage: layers/tool/bench/real-charm.sh OUT_DIR   (prints the built charm directory; builds with the reactor,
# never installs)
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)

(cd "$repo_dir" && mvn -B -q -o -pl core,processor,layers/tool -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/bench/runtime >&2)
core_cp="$repo_dir/core/target/reactive-core-0.1.0-SNAPSHOT.jar:$(cat "$repo_dir/core/target/bench/runtime")"
tool_cp="$module_dir/target/classes:$(cat "$module_dir/target/bench/runtime")"
processor_cp="$repo_dir/processor/target/reactive-processor-0.1.0-SNAPSHOT.jar:$(cat "$repo_dir/processor/target/bench/runtime")"

src="$out/src"
rm -rf "$src" "$out/classes" "$out/build"
mkdir -p "$src/java/bench" "$src/sixer" "$out/classes"
cat > "$src/java/bench/SixerCharm.java" <<'JAVA'
package bench;

import dev.charms.reactive.Hook;
import dev.charms.reactive.When;
import dev.charms.reactive.WhenNot;
import dev.charms.reactive.config.Config;
import dev.charms.reactive.flags.Flags;
import dev.charms.reactive.status.Status;

public class SixerCharm {
    @Hook("install")
    public void install(Flags flags) {
        flags.set("sixer.installed");
    }

    @When({"sixer.installed", "config.changed"})
    public void configure(Config config, Flags flags, Status status) {
        flags.set("sixer.configured");
        status.active("says " + config.getString("greeting"));
    }

    @Hook("start")
    public void start(Flags flags) {
        flags.set("sixer.started");
    }

    @Hook("update-status")
    public void updateStatus(Flags flags) {
        flags.isSet("sixer.configured");
    }

    @When("sixer.never")
    public void idleOne(Flags flags) {
        flags.clear("sixer.never");
    }

    @WhenNot("sixer.installed")
    @When("sixer.upgrading")
    public void idleTwo(Flags flags) {
        flags.clear("sixer.upgrading");
    }
}
JAVA
javac --release 17 -cp "$core_cp" -processorpath "$processor_cp" -d "$out/classes" \
    "$src/java/bench/SixerCharm.java" >&2
[ -f "$out/classes/META-INF/services/dev.charms.reactive.spi.HandlerIndex" ] \
    || { echo "the processor wrote no handler index" >&2; exit 1; }
(cd "$out/classes" && jar cf "$out/sixer-charm.jar" .)

printf 'name: sixer\nsummary: Six handlers\ndescription: The bench charm of hook-bench.sh.\n' \
    > "$src/sixer/metadata.yaml"
printf 'includes: []\n' > "$src/sixer/layer.yaml"
printf 'options:\n  greeting:\n    type: string\n    default: hi\n    description: Hello\n' \
    > "$src/sixer/config.yaml"
# --no-lint: the two idle handlers wait, by design, for flags nothing sets (lint would refuse them).
java -cp "$tool_cp" dev.charms.reactive.layers.cli.Main build "$src/sixer" -o "$out/build" --no-archive --no-lint \
    --classpath "$core_cp" --lib "$out/sixer-charm.jar" >&2
echo "$out/build/sixer"
