package dev.charms.reactive.samples.kvstore;

import dev.charms.reactive.refresh.CharmRelease;
import dev.charms.reactive.refresh.RollingRefresh;
import dev.charms.reactive.refresh.WorkloadContext;
import dev.charms.reactive.testing.model.Charm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Builds of the kv-store charm for the simulator: the charm {@code mvn package} built (target/charm/kv-store, with
 * the refresh layer's option, actions and peer relation merged in), its data under a test directory, at a revision
 * that pins a release. Each build is a subclass of {@link KvStoreWorkload} given to the charm as a handler class, so
 * the refresh layer takes it in place of the one META-INF/services lists, and its revision stands for what Juju's
 * {@code .juju-charm} would say.
 */
final class Builds {
    static final Path BUILT = Path.of("target/charm/kv-store");

    private Builds() {
    }

    /** A build: a release at a revision. */
    abstract static class Build extends KvStoreWorkload {
        private final int revision;

        Build(String charmVersion, String workloadVersion, int revision) {
            super(new CharmRelease("kv-store", charmVersion, "kv-store", workloadVersion));
            this.revision = revision;
        }

        @Override
        public OptionalInt charmRevision(WorkloadContext context) {
            return OptionalInt.of(revision);
        }

        /** The revision, as Juju numbers it. */
        int revision() {
            return revision;
        }
    }

    /** Revision 1: charm 1/1.0.0, kv-store 1.0.0 (what is deployed first). */
    static final class Revision1 extends Build {
        Revision1() {
            super("1/1.0.0", "1.0.0", 1);
        }
    }

    /** Revision 2: charm 1/1.1.0, kv-store 1.1.0, a compatible minor upgrade. */
    static final class Revision2 extends Build {
        Revision2() {
            super("1/1.1.0", "1.1.0", 2);
        }
    }

    /** Revision 3: charm 1/2.0.0, kv-store 2.0.0, a major upgrade the charm does not support in place. */
    static final class Revision3 extends Build {
        Revision3() {
            super("1/2.0.0", "2.0.0", 3);
        }
    }

    /** The built charm pinning {@code build}'s release at its revision, keeping its data under {@code dataDir}. */
    static Charm charm(Build build, Path dataDir) {
        String config;
        try {
            config = Files.readString(BUILT.resolve("config.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built charm's config.yaml; run mvn package first", e);
        }
        return Charm.fromDirectory(BUILT, RollingRefresh.class, KvStoreCharm.class, build.getClass())
                .configYaml(config.replace("default: /var/lib/kv-store", "default: " + dataDir))
                .revision(build.revision());
    }
}
