package dev.charms.reactive.layers.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.layers.LayerToolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapDispatchScriptTest {

    private static String render(Object javaVersion, List<?> packages) {
        return new BootstrapDispatchScript().render(new DispatchScript.Context("hello",
                List.of("core-1.0.jar", "hello-1.0.jar"),
                Map.of("basic", Map.of("java-version", javaVersion, "packages", packages))));
    }

    @Test
    void fillsInTheOptionsOfLayerBasicAndTheJarsInClasspathOrder() {
        String script = render(21, List.of("curl", "libfoo1:amd64=1.2-3ubuntu1"));

        assertThat(script).startsWith("#!/bin/sh\n# Juju runs this for every hook and action of the charm hello;")
                .contains("\njava_version=21\n", "\npackages=\"curl libfoo1:amd64=1.2-3ubuntu1\"\n",
                        "\nclasspath=\"lib/core-1.0.jar:lib/hello-1.0.jar\"\n",
                        "JUJU_DISPATCH_PATH=\"${JUJU_DISPATCH_PATH:-hooks/$(basename \"$0\")}\"")
                .doesNotContainPattern("@[A-Z_]+@");
    }

    @Test
    void noExtraPackagesLeaveTheListEmpty() {
        assertThat(render(17, List.of())).contains("\njava_version=17\n", "\npackages=\"\"\n");
    }

    @Test
    void aJavaOlderThanTheRuntimeNeedsIsRefused() {
        assertThatThrownBy(() -> render(11, List.of())).isInstanceOf(LayerToolException.class).hasMessage(
                "options.basic.java-version: 11 is not a Java version this runtime runs on; set it in layer.yaml"
                        + " to 17 or later, such as 21");
    }

    @Test
    void aPackageNameThatIsNotAptsIsRefusedBeforeItReachesTheShell() {
        assertThatThrownBy(() -> render(17, List.of("curl", "vim; rm -rf /"))).isInstanceOf(LayerToolException.class)
                .hasMessage("options.basic.packages: 'vim; rm -rf /' is not an apt package name (lower-case letters,"
                        + " digits and + - ., optionally :arch and =version); fix it in layer.yaml");
    }
}
