package dev.charms.reactive.layers.juju;

import java.nio.file.Path;
import java.util.Arrays;

/** The stub {@code juju} as a program: {@code StubJujuMain <model directory> <juju arguments...>}. */
public final class StubJujuMain {

    private StubJujuMain() {
    }

    public static void main(String[] args) {
        StubJuju.Reply reply = StubJuju.handle(Path.of(args[0]), Arrays.asList(args).subList(1, args.length));
        System.out.print(reply.stdout());
        System.out.flush();
        System.err.print(reply.stderr());
        System.err.flush();
        System.exit(reply.exitCode());
    }
}
