// Starts a charm the way an author does: `reactive init` into this directory (the placeholder pom removed first).
// The invoker then runs a plain `mvn verify` on what init wrote, without any edit.
import dev.charms.reactive.layers.cli.ReactiveCommand

assert new File(basedir, 'pom.xml').delete()
def code = ReactiveCommand.commandLine({ variable -> null } as java.util.function.Function)
        .execute('init', basedir.path, '--name', 'fresh')
assert code == 0 : "reactive init exited ${code}"
return true
