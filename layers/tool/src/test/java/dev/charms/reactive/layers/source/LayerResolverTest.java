package dev.charms.reactive.layers.source;

import static dev.charms.reactive.layers.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.layers.Fixtures;
import dev.charms.reactive.layers.LayerToolException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerResolverTest {

    @TempDir
    Path temp;

    private Path layers;
    private Path interfaces;
    private Path charm;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void directories() {
        layers = temp.resolve("layers");
        interfaces = temp.resolve("interfaces");
        charm = temp.resolve("charm");
        write(layers.resolve("basic"), "layer.yaml", "name: basic\n");
    }

    private LayerStack resolve(List<Path> classpath, List<LayerFiles> standard) {
        return new LayerResolver(new LayerSearchPath(List.of(layers), List.of(interfaces)), classpath, standard,
                Set.of(), warnings::add).resolve(charm);
    }

    private LayerStack resolve() {
        return resolve(List.of(), List.of());
    }

    private static List<String> names(List<Layer> layers) {
        return layers.stream().map(Layer::name).toList();
    }

    @Test
    void includesAreDepthFirstBaseFirstAndTheFirstOccurrenceWins() {
        write(layers.resolve("a"), "layer.yaml", "includes: ['layer:b', 'layer:c']\n");
        write(layers.resolve("b"), "layer.yaml", "includes: ['layer:c', 'layer:d']\n");
        write(layers.resolve("c"), "layer.yaml", "includes: 'layer:d'\n");
        write(layers.resolve("d"), "README.md", "d\n");
        write(charm, "layer.yaml", "includes: ['layer:a', 'layer:c', 'layer:basic']\n");

        LayerStack stack = resolve();

        assertThat(names(stack.layers())).containsExactly("basic", "d", "c", "b", "a", "charm");
        assertThat(stack.top().url()).isEqualTo("charm");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aLayerIsFoundAsNameOrLayerDashNameInTheFirstDirectoryThatHasIt() {
        Path second = temp.resolve("second");
        write(second, "layer-x/README.md", "from second\n");
        write(second, "y/README.md", "from second\n");
        write(layers, "layer-y/README.md", "from first\n");
        write(charm, "layer.yaml", "includes: ['layer:x', 'layer:y']\n");

        LayerStack stack = new LayerResolver(new LayerSearchPath(List.of(layers, second), List.of()), List.of(),
                List.of(), Set.of(), warnings::add).resolve(charm);

        assertThat(stack.layers()).extracting(l -> l.name() + " " + l.files().location()).containsExactly(
                "basic " + layers.resolve("basic"), "x " + second.resolve("layer-x"),
                "y " + layers.resolve("layer-y"), "charm " + charm);
    }

    @Test
    void theSearchPathComesFromTheEnvironmentWithTheOldNamesDeprecated() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LAYER_PATH", "/old/layers");
        environment.put("CHARM_INTERFACES_DIR", "/i1:/i2");
        environment.put("INTERFACE_PATH", "/old/interfaces");

        LayerSearchPath search = LayerSearchPath.fromEnvironment(environment::get, warnings::add);

        assertThat(search.layerDirs()).containsExactly(Path.of("/old/layers"));
        assertThat(search.interfaceDirs()).containsExactly(Path.of("/i1"), Path.of("/i2"));
        assertThat(warnings).containsExactly("LAYER_PATH is deprecated; set CHARM_LAYERS_DIR instead");
    }

    @Test
    void interfacesAreListedApartInTheOrderTheyAreFirstIncluded() {
        write(interfaces.resolve("interface-http"), "interface.yaml", "name: http\n");
        write(interfaces.resolve("mysql"), "interface.yaml", "summary: MySQL\n");
        write(layers.resolve("web"), "layer.yaml", "includes: ['interface:http']\n");
        write(charm, "layer.yaml", "includes: ['interface:mysql', 'layer:web', 'interface:http']\n");

        LayerStack stack = resolve();

        assertThat(names(stack.layers())).containsExactly("basic", "web", "charm");
        assertThat(stack.interfaces()).extracting(l -> l.name() + " " + l.kind() + " " + l.url())
                .containsExactly("mysql INTERFACE interface:mysql", "http INTERFACE interface:http");
    }

    @Test
    void aPathIncludeIsRelativeToTheIncludingLayerAndMayBeAnInterface() {
        write(temp.resolve("local/shared"), "layer.yaml", "includes: ['../proto']\n");
        write(temp.resolve("local/proto"), "interface.yaml", "name: proto\n");
        write(charm, "layer.yaml", "includes: ['../local/shared']\n");

        LayerStack stack = resolve();

        assertThat(stack.layers()).extracting(l -> l.name() + " " + l.url())
                .containsExactly("basic layer:basic", "shared ../local/shared", "charm charm");
        assertThat(stack.interfaces()).extracting(Layer::name).containsExactly("proto");
    }

    @Test
    void aJarOnTheClasspathWithAReactiveLayerFolderIsALayer() throws Exception {
        Path jar = Fixtures.jar(temp.resolve("lib/tls-1.2.jar"), Map.of(
                "reactive-layer/layer.yaml", "name: tls\n",
                "reactive-layer/hooks/tls-hook", "#!/bin/sh\n",
                "reactive-layer/templates/tls.conf", "conf\n",
                "dev/Tls.class", "code"));
        Path plain = Fixtures.jar(temp.resolve("lib/plain.jar"), Map.of("dev/Plain.class", "code"));
        write(charm, "layer.yaml", "includes: ['layer:tls']\n");

        LayerStack stack = resolve(List.of(plain, jar), List.of());

        Layer tls = stack.layers().get(1);
        assertThat(tls.name()).isEqualTo("tls");
        assertThat(tls.jarName()).contains("tls-1.2.jar");
        assertThat(tls.files().location()).isEqualTo(jar.toAbsolutePath() + "!/reactive-layer");
        assertThat(tls.files().list((path, dir) -> false))
                .containsExactly("hooks/tls-hook", "layer.yaml", "templates/tls.conf");
        assertThat(tls.files().executable("hooks/tls-hook")).isTrue();
        assertThat(tls.files().executable("templates/tls.conf")).isFalse();
        assertThat(tls.files().readString("templates/tls.conf")).isEqualTo("conf\n");
    }

    @Test
    void aJarInterfaceLayerHoldsInterfaceYaml() {
        Path jar = Fixtures.jar(temp.resolve("lib/http.jar"), Map.of("reactive-layer/interface.yaml", "name: http\n"));
        write(charm, "layer.yaml", "includes: ['interface:http']\n");

        assertThat(resolve(List.of(jar), List.of()).interfaces()).extracting(Layer::name, Layer::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http", LayerKind.INTERFACE));
    }

    @Test
    void aDirectoryLayerWinsOverAJarLayerOfTheSameName() {
        Path jar = Fixtures.jar(temp.resolve("lib/tls.jar"), Map.of("reactive-layer/layer.yaml", "name: tls\n"));
        write(layers.resolve("tls"), "README.md", "local\n");
        write(charm, "layer.yaml", "includes: ['layer:tls']\n");

        LayerStack stack = resolve(List.of(jar), List.of());

        assertThat(stack.layers().get(1).files().location()).isEqualTo(layers.resolve("tls").toString());
        assertThat(warnings).containsExactly("tls.jar on the classpath holds layer 'tls', which no layer.yaml"
                + " includes: its classes are in lib/ but its files are not in the charm; add layer:tls to includes");
    }

    @Test
    void theStandardLayersComeLastAndShipBasic() {
        write(charm, "layer.yaml", "includes: []\n");
        Path empty = temp.resolve("nothing");

        LayerStack stack = new LayerResolver(new LayerSearchPath(List.of(empty), List.of()), List.of(),
                StandardLayers.find(getClass().getClassLoader()), Set.of(), warnings::add).resolve(charm);

        Layer basic = stack.layers().get(0);
        assertThat(basic.name()).isEqualTo("basic");
        assertThat(basic.config().defines()).containsOnlyKeys("java-version", "packages");
        assertThat(basic.files().isFile("manifest.yaml")).isTrue();
    }

    @Test
    void aJarLayerMustBeNamed() {
        Path jar = Fixtures.jar(temp.resolve("lib/anon.jar"), Map.of("reactive-layer/layer.yaml", "repo: x\n"));
        write(charm, "layer.yaml", "");

        assertThatThrownBy(() -> resolve(List.of(jar), List.of()))
                .isInstanceOf(LayerToolException.class)
                .hasMessage(jar.toAbsolutePath() + "!/reactive-layer/layer.yaml: a layer packaged in a jar must set"
                        + " \"name:\" (the NAME of layer:NAME)");
    }

    @Test
    void aJarEntryThatEscapesTheLayerIsAnError() {
        Path jar = Fixtures.jar(temp.resolve("lib/evil.jar"), Map.of("reactive-layer/layer.yaml", "name: evil\n",
                "reactive-layer/../../etc/cron.d/x", "boom"));
        write(charm, "layer.yaml", "");

        assertThatThrownBy(() -> resolve(List.of(jar), List.of()))
                .hasMessage(jar.toAbsolutePath() + "!/reactive-layer/../../etc/cron.d/x: path \"../../etc/cron.d/x\""
                        + " contains \"..\"; a layer may only contain paths inside the charm");
    }

    @Test
    void anUnknownLayerNamesTheIncludeTheLayerYamlAndWhereItLooked() {
        write(layers.resolve("layer-mysql"), "README.md", "m\n");
        write(charm, "layer.yaml", "includes: ['layer:mysq']\n");

        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": includes layer:mysq, which"
                + " was not found (did you mean layer:mysql?). Looked in CHARM_LAYERS_DIR (" + layers + "), the jar"
                + " layers on the classpath (none) and the standard layers (none). Set CHARM_LAYERS_DIR to the"
                + " directory holding mysq/ or layer-mysq/, or add the layer's jar to the classpath");
    }

    @Test
    void anUnknownInterfaceNamesTheLayerThatIncludedIt() {
        write(layers.resolve("web"), "layer.yaml", "includes: ['interface:htp']\n");
        write(charm, "layer.yaml", "includes: ['layer:web']\n");

        assertThatThrownBy(this::resolve).hasMessage(layers.resolve("web/layer.yaml") + ": includes interface:htp,"
                + " which was not found. Looked in CHARM_INTERFACES_DIR (" + interfaces + "), the jar layers on the"
                + " classpath (none) and the standard layers (none). Set CHARM_INTERFACES_DIR to the directory"
                + " holding htp/ or interface-htp/, or add the layer's jar to the classpath");
    }

    @Test
    void anIncludeCycleIsAnErrorShowingTheChain() {
        write(layers.resolve("a"), "layer.yaml", "includes: ['layer:b']\n");
        write(layers.resolve("b"), "layer.yaml", "includes: ['layer:a']\n");
        write(charm, "layer.yaml", "includes: ['layer:a']\n");

        assertThatThrownBy(this::resolve).hasMessage(layers.resolve("b/layer.yaml")
                + ": include cycle: charm -> a -> b -> a; remove one of these includes");
    }

    @Test
    void remoteLayersAndRevisionsAreNotFetched() {
        write(charm, "layer.yaml", "includes: ['gh:juju-solutions/layer-apt']\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": includes"
                + " gh:juju-solutions/layer-apt, a remote layer; layers are never fetched: check it out and add its"
                + " directory to CHARM_LAYERS_DIR, or depend on its jar");

        write(charm, "layer.yaml", "includes: ['layer:apt@1a2b3c']\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": includes layer:apt@1a2b3c;"
                + " revisions (@...) are not supported: pin a layer's version through the charm's dependencies");
    }

    @Test
    void aMissingPathIncludeNamesTheResolvedDirectory() {
        write(charm, "layer.yaml", "includes: ['../nowhere']\n");

        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": includes ../nowhere, which is "
                + temp.resolve("nowhere") + ": no such directory (paths are relative to the including layer's"
                + " directory)");
    }

    @Test
    void layerYamlKeysAreCheckedForType() {
        write(charm, "layer.yaml", "includes: {a: b}\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml")
                + ": \"includes\" must be a list of strings, found a map");

        write(charm, "layer.yaml", "tactics: [my.Tactic]\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": \"tactics\" (custom Python"
                + " build tactics) is not supported; remove it, and merge the files with an ordinary layer instead");

        write(charm, "layer.yaml", "config:\n  remove: [x]\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": config.remove is not"
                + " supported; the only key under \"config\" is \"deletes\"");
    }

    @Test
    void anUnknownLayerYamlKeyIsAWarning() {
        write(charm, "layer.yaml", "inclues: ['layer:x']\n");

        resolve();

        assertThat(warnings).containsExactly(charm.resolve("layer.yaml") + ": unknown key \"inclues\" is ignored"
                + " (known keys: actions, config, defines, exclude, ignore, includes, is, metadata, name, options,"
                + " repo)");
    }

    @Test
    void theCharmLayerCannotBeAnInterfaceOrShareAnIncludedLayersName() {
        write(layers.resolve("web"), "layer.yaml", "name: charm\n");
        write(charm, "layer.yaml", "includes: ['layer:web']\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("layer.yaml") + ": includes layer 'charm' ("
                + layers.resolve("web") + "), which has the name of the charm's layer 'charm'; rename one of them"
                + " (\"name:\" in layer.yaml)");

        write(charm, "interface.yaml", "name: x\n");
        assertThatThrownBy(this::resolve).hasMessage(charm.resolve("interface.yaml")
                + ": this is an interface layer; build the charm layer that includes it instead");
    }

    @Test
    void aLayerIncludedFromTwoPlacesWarnsThatTheFirstIsUsed() {
        write(temp.resolve("other/web"), "layer.yaml", "name: web\n");
        write(layers.resolve("web"), "README.md", "w\n");
        write(charm, "layer.yaml", "includes: ['layer:web', '../other/web']\n");

        LayerStack stack = resolve();

        assertThat(names(stack.layers())).containsExactly("basic", "web", "charm");
        assertThat(warnings).containsExactly(charm.resolve("layer.yaml") + ": includes ../other/web (layer 'web' ("
                + temp.resolve("other/web") + ")), but layer 'web' (" + layers.resolve("web")
                + ") was included first and is used");
    }
}
