package dev.charms.reactive.samples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The charm {@code mvn package} built, target/charm/greeter/: interface:greeting came from the jar layer on the
 * classpath. Runs in the integration-test phase (see pom.xml), after reactive:build.
 */
class BuiltCharmIT {
    private static final Path CHARM = Path.of("target/charm/greeter");

    @Test
    void theInterfaceLayerIsIncludedFromItsJarWhoseClassesComeBeforeTheCharmsOwn() throws IOException {
        assertThat(Files.readString(CHARM.resolve("layer.yaml")))
                .contains("includes:\n  - layer:basic\n  - interface:greeting\n");
        assertThat(Files.readString(CHARM.resolve(".build.manifest")))
                .contains("\"url\": \"interface:greeting\",\n      \"jar\": \"reactive-sample-interface-greeting-");
        String dispatch = Files.readString(CHARM.resolve("dispatch"));
        List<String> classpath = List.of(dispatch.replaceAll("(?s).*\nclasspath=\"([^\"]*)\".*", "$1").split(":"));
        assertThat(classpath).last().asString().startsWith("lib/reactive-sample-greeter-");
        assertThat(classpath.get(classpath.size() - 2)).startsWith("lib/reactive-sample-interface-greeting-");
        assertThat(Files.exists(Path.of("target/charm/greeter.charm"))).isTrue();
    }
}
