package dev.charms.reactive.layers.proof;

import static dev.charms.reactive.layers.Fixtures.executable;
import static dev.charms.reactive.layers.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, failing and passing, on an otherwise valid charm. A row gives the files to replace (null deletes
 * one) and the exact findings proof must print; a passing row expects none.
 */
class ProofTest {

    private static final String METADATA = """
            name: demo
            summary: A demo charm
            description: Demonstrates proof.
            requires:
              db: {interface: mysql}
            """;
    private static final String MANIFEST = """
            bases:
              - {name: ubuntu, channel: '22.04', architectures: [amd64]}
            """;
    private static final String CONFIG = """
            options:
              greeting: {type: string, default: hi, description: Greeting}
            """;
    private static final String ACTIONS = """
            backup:
              description: Back up
              params:
                target: {type: string}
              required: [target]
            """;

    @TempDir
    Path charm;

    @BeforeEach
    void validCharm() throws IOException {
        write(charm, "metadata.yaml", METADATA);
        write(charm, "manifest.yaml", MANIFEST);
        write(charm, "config.yaml", CONFIG);
        write(charm, "actions.yaml", ACTIONS);
        executable(charm, "dispatch", "#!/bin/sh\n");
        for (String hook : List.of("install", "start", "upgrade-charm")) {
            Files.createDirectories(charm.resolve("hooks"));
            Files.createSymbolicLink(charm.resolve("hooks/" + hook), Path.of("../dispatch"));
        }
    }

    private List<String> proof() {
        return Proof.check(charm).findings().stream().map(Finding::format).toList();
    }

    private static Map<String, String> files(String... pairs) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            files.put(pairs[i], pairs[i + 1]);
        }
        return files;
    }

    private static Arguments row(String name, Map<String, String> files, String... expected) {
        return Arguments.of(name, files, List.of(expected));
    }

    private static Arguments metadata(String name, String extra, String... expected) {
        return row(name, files("metadata.yaml", METADATA + extra), expected);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a valid charm", files()),
                row("metadata.yaml missing", files("metadata.yaml", null),
                        "E: metadata.yaml: missing: Juju cannot read a charm without metadata.yaml"),
                row("metadata.yaml malformed", files("metadata.yaml", "name: [demo\n"),
                        "E: metadata.yaml: line 2, column 1: expected ',' or ']', but got <stream end>"
                                + " (while parsing a flow sequence)"),
                row("required fields missing", files("metadata.yaml", "name: demo\n"),
                        "E: metadata.yaml: description: required field is missing",
                        "E: metadata.yaml: summary: required field is missing"),
                row("required field not a string", files("metadata.yaml", METADATA.replace("demo\n", "3\n")),
                        "E: metadata.yaml: name: must be a non-empty string, not 3"),
                row("charm name invalid", files("metadata.yaml", METADATA.replace("name: demo", "name: demo-2")),
                        "E: metadata.yaml: name: invalid charm name \"demo-2\": use lower-case letters, digits and"
                                + " hyphens, starting with a letter, each hyphen-separated part containing a letter"),
                row("charm name valid", files("metadata.yaml", METADATA.replace("name: demo", "name: demo-b2"))),
                row("summary too long", files("metadata.yaml", METADATA.replace("A demo charm", "x".repeat(73))),
                        "W: metadata.yaml: summary: longer than 72 characters (73); keep it to one line and put the"
                                + " rest in description"),
                row("summary of 72", files("metadata.yaml", METADATA.replace("A demo charm", "x".repeat(72)))),
                metadata("unknown field", "flavour: vanilla\n",
                        "I: metadata.yaml: flavour: unknown field; Juju ignores it"),
                metadata("known optional fields", "display-name: Demo\ndocs: https://x\nterms: [t]\n"),
                metadata("maintainer and maintainers", "maintainer: A <a@x>\nmaintainers: [B <b@x>]\n",
                        "E: metadata.yaml: maintainers: use either maintainer or maintainers, not both"),
                metadata("maintainer as a list", "maintainer: [A <a@x>]\n",
                        "E: metadata.yaml: maintainer: must be one string; use maintainers for a list"),
                metadata("maintainers not a list", "maintainers: A <a@x>\n",
                        "E: metadata.yaml: maintainers: must be a list of strings"),
                metadata("maintainers as a list", "maintainers: [A <a@x>, B <b@x>]\n"),
                metadata("subordinate not a boolean", "subordinate: 'yes'\n",
                        "E: metadata.yaml: subordinate: must be true or false, not \"yes\""),
                metadata("subordinate without container requires", "subordinate: true\n",
                        "E: metadata.yaml: subordinate: subordinate charm \"demo\" lacks \"requires\" relation with"
                                + " container scope; add one (e.g. juju-info: {interface: juju-info, scope:"
                                + " container})"),
                row("subordinate with container-scoped juju-info", files("metadata.yaml", """
                        name: demo
                        summary: A demo charm
                        description: Demonstrates proof.
                        subordinate: true
                        requires:
                          juju-info: {interface: juju-info, scope: container}
                        """)),
                metadata("endpoint name invalid", "provides:\n  Web_UI: http\n",
                        "E: metadata.yaml: provides.Web_UI: invalid endpoint name \"Web_UI\": use lower-case letters"
                                + " and digits, starting with a letter, parts separated by one '-' or '_'"),
                metadata("endpoint names valid", "provides:\n  web_ui: http\n  admin-api: http\n"),
                metadata("reserved relation name", "provides:\n  juju-db: mysql\n",
                        "E: metadata.yaml: provides.juju-db: charm \"demo\" using a reserved relation name:"
                                + " \"juju-db\"; names \"juju\" and \"juju-*\" belong to Juju"),
                row("reserved names allowed for a juju-* charm", files("metadata.yaml",
                        METADATA.replace("name: demo", "name: juju-demo") + "provides:\n  juju-db: mysql\n")),
                metadata("reserved interface provided", "provides:\n  info: juju-info\n",
                        "E: metadata.yaml: provides.info: charm \"demo\" relation \"info\" using a reserved"
                                + " interface: \"juju-info\"; only requires may use juju-* interfaces"),
                row("reserved interface required", files("metadata.yaml",
                        METADATA + "  info: juju-info\n")),
                metadata("duplicate endpoint", "provides:\n  db: mysql\n",
                        "E: metadata.yaml: requires.db: charm \"demo\" using a duplicated relation name: \"db\" is"
                                + " also in provides; endpoint names must be unique across provides, requires and"
                                + " peers"),
                metadata("distinct endpoints", "provides:\n  database: mysql\npeers:\n  cluster: demo-peers\n"),
                metadata("relation fields wrong", "peers:\n  cluster: {scope: galaxy, limit: many, optional: 1,"
                                + " role: x}\n",
                        "E: metadata.yaml: peers.cluster.interface: relation missing interface (a non-empty string)",
                        "E: metadata.yaml: peers.cluster.limit: must be an integer, not \"many\"",
                        "E: metadata.yaml: peers.cluster.optional: must be true or false, not 1",
                        "E: metadata.yaml: peers.cluster.scope: must be global or container, not \"galaxy\"",
                        "W: metadata.yaml: peers.cluster.role: unknown relation field; Juju ignores it (known:"
                                + " interface, limit, optional, scope)"),
                metadata("relation fields right", "peers:\n  cluster: {interface: c, scope: global, limit: 1,"
                        + " optional: true}\n"),
                metadata("relation neither name nor map", "provides:\n  web: [http]\n",
                        "E: metadata.yaml: provides.web: must be an interface name or a map with an interface key,"
                                + " not [http]"),
                metadata("relations not a map", "provides: [web]\n",
                        "E: metadata.yaml: provides: must be a map of endpoint names to interfaces"),
                metadata("extra-bindings empty", "extra-bindings: {}\n",
                        "E: metadata.yaml: extra-bindings: must be a non-empty map of binding names"),
                metadata("extra-bindings clash", "extra-bindings:\n  db:\n",
                        "E: metadata.yaml: extra-bindings.db: relation names (db) cannot be used in extra bindings"),
                metadata("extra-bindings", "extra-bindings:\n  admin:\n"),
                metadata("series invalid", "series: [Jammy]\n",
                        "E: metadata.yaml: series: charm \"demo\" declares invalid series: \"Jammy\"",
                        "W: metadata.yaml: series: deprecated: with series Juju reads the charm as format 1; declare"
                                + " bases in manifest.yaml instead"),
                metadata("series valid", "series: [jammy]\n",
                        "W: metadata.yaml: series: deprecated: with series Juju reads the charm as format 1; declare"
                                + " bases in manifest.yaml instead"),
                metadata("format 1 and 2 keys mixed", "series: [jammy]\ncontainers: {}\n",
                        "E: metadata.yaml: containers: ambiguous metadata: keys \"containers\" cannot be used with"
                                + " \"series\"",
                        "W: metadata.yaml: series: deprecated: with series Juju reads the charm as format 1; declare"
                                + " bases in manifest.yaml instead"),
                metadata("format 2 keys", "containers: {}\nassumes: [juju]\n"),
                metadata("charm-user invalid", "charm-user: admin\n",
                        "E: metadata.yaml: charm-user: invalid charm-user \"admin\" expected one of root, sudoer or"
                                + " non-root"),
                metadata("charm-user valid", "charm-user: non-root\n"),

                row("config without options", files("config.yaml", "settings: {}\n"),
                        "E: config.yaml: invalid config: empty configuration; put the options under \"options:\""),
                row("config empty", files("config.yaml", ""),
                        "E: config.yaml: invalid config: empty configuration; put the options under \"options:\""),
                row("config with empty options", files("config.yaml", "options: {}\n")),
                row("config missing", files("config.yaml", null)),
                row("config extra key", files("config.yaml", CONFIG + "extra: 1\n"),
                        "W: config.yaml: extra: ignored: Juju reads only \"options\""),
                row("config options not a map", files("config.yaml", "options: [a]\n"),
                        "E: config.yaml: options: must be a map of option names to option specs"),
                row("config option name invalid", files("config.yaml",
                        "options:\n  -bad: {type: string, description: d}\n"),
                        "E: config.yaml: options.-bad: invalid option name \"-bad\": use letters, digits, '-' and"
                                + " '_', starting and ending with a letter or digit"),
                row("config option not a map", files("config.yaml", "options:\n  port: 80\n"),
                        "E: config.yaml: options.port: must be a map with type, description and default"),
                row("config option unknown field and no description", files("config.yaml",
                        "options:\n  port: {type: int, default: 80, units: s}\n"),
                        "W: config.yaml: options.port.description: missing or empty: say what the option does",
                        "W: config.yaml: options.port.units: unknown option field; Juju ignores it"),
                row("config option without type", files("config.yaml",
                        "options:\n  name: {description: d, default: x}\n"),
                        "I: config.yaml: options.name.type: missing: Juju treats the option as a string"),
                row("config option unknown type", files("config.yaml",
                        "options:\n  port: {type: integer, description: d}\n"),
                        "E: config.yaml: options.port.type: option \"port\" has unknown type \"integer\"; use"
                                + " string, int, float, boolean or secret"),
                row("config defaults of the wrong type", files("config.yaml", """
                        options:
                          a: {type: int, default: '3', description: d}
                          b: {type: float, default: x, description: d}
                          c: {type: boolean, default: 'yes', description: d}
                          d: {type: secret, default: abc, description: d}
                          e: {type: string, default: 1, description: d}
                        """),
                        "E: config.yaml: options.a.default: invalid config default: option \"a\" expected int, got"
                                + " \"3\"",
                        "E: config.yaml: options.b.default: invalid config default: option \"b\" expected float,"
                                + " got \"x\"",
                        "E: config.yaml: options.c.default: invalid config default: option \"c\" expected boolean,"
                                + " got \"yes\"",
                        "E: config.yaml: options.d.default: invalid config default: option \"d\" expected secret,"
                                + " got \"abc\" (a secret default is \"\" or a secret: URI)",
                        "E: config.yaml: options.e.default: invalid config default: option \"e\" expected string,"
                                + " got 1"),
                row("config defaults of the right type", files("config.yaml", """
                        options:
                          a: {type: int, default: 3, description: d}
                          b: {type: float, default: 1, description: d}
                          c: {type: boolean, default: false, description: d}
                          d: {type: secret, default: '', description: d}
                          e: {type: secret, default: 'secret:abc', description: d}
                          f: {type: string, default: '', description: d}
                          g: {type: int, default: null, description: d}
                        """)),

                row("action names invalid or reserved", files("actions.yaml", "Backup: {}\njuju: {}\njuju-run: {}\n"),
                        "E: actions.yaml: Backup: bad action name Backup: use lower-case letters, digits and '-',"
                                + " starting and ending with a letter or digit",
                        "E: actions.yaml: juju: cannot use action name juju: \"juju\" is a reserved name",
                        "E: actions.yaml: juju-run: cannot use action name juju-run: the \"juju-\" prefix is"
                                + " reserved"),
                row("action names valid", files("actions.yaml", "back-up-2:\nrestart: {}\n")),
                row("action spec not a map", files("actions.yaml", "backup: now\n"),
                        "E: actions.yaml: backup: must be a map (description, params, ...), not \"now\""),
                row("action keys of the wrong type", files("actions.yaml",
                        "backup: {description: [x], parallel: 'no', execution-group: 1}\n"),
                        "E: actions.yaml: backup.description: value for schema key \"description\" must be a string",
                        "E: actions.yaml: backup.execution-group: value for schema key \"execution-group\" must be a"
                                + " string",
                        "E: actions.yaml: backup.parallel: value for schema key \"parallel\" must be a bool"),
                row("action keys of the right type", files("actions.yaml",
                        "backup: {description: d, title: t, parallel: true, execution-group: g,"
                                + " additionalProperties: false}\n")),
                row("action params wrong", files("actions.yaml", """
                        backup:
                          params:
                            target: string
                            level: {type: int}
                          required: [target, missing]
                        """),
                        "E: actions.yaml: backup.params.level.type: JSON schema type \"int\" is not one of string,"
                                + " number, integer, boolean, array, object, null",
                        "E: actions.yaml: backup.params.target: must be a JSON schema (a map such as {type: string}),"
                                + " not \"string\"",
                        "W: actions.yaml: backup.required: \"missing\" is required but not among the params"),
                row("action params right", files("actions.yaml",
                        "backup:\n  params:\n    level: {type: [integer, 'null'], minimum: 0}\n")),
                row("action params not a map", files("actions.yaml", "backup: {params: [a], required: a}\n"),
                        "E: actions.yaml: backup.params: must be a map of parameter names to JSON schemas",
                        "E: actions.yaml: backup.required: value for schema key \"required\" must be a YAML list of"
                                + " parameter names"),
                row("action schema with $ref", files("actions.yaml",
                        "backup:\n  params:\n    t: {$ref: '#/x'}\n  $schema: x\n"),
                        "E: actions.yaml: backup.$schema: schema key \"$schema\" not compatible with this version of"
                                + " juju",
                        "E: actions.yaml: backup.params.t.$ref: schema key \"$ref\" not compatible with this version"
                                + " of juju"),
                row("action additionalProperties wrong", files("actions.yaml",
                        "backup: {additionalProperties: 'no'}\n"),
                        "E: actions.yaml: backup.additionalProperties: must be true, false or a schema"),

                row("manifest missing", files("manifest.yaml", null),
                        "E: manifest.yaml: missing: the charm declares no bases, so Juju cannot tell which systems it"
                                + " runs on; add manifest.yaml with bases"),
                row("manifest missing with series", files("manifest.yaml", null, "metadata.yaml",
                        METADATA + "series: [jammy]\n"),
                        "W: metadata.yaml: series: deprecated: with series Juju reads the charm as format 1; declare"
                                + " bases in manifest.yaml instead"),
                row("manifest without bases", files("manifest.yaml", "bases: []\n"),
                        "E: manifest.yaml: bases: must be a non-empty list of bases (name, channel, architectures)"),
                row("manifest base not a map", files("manifest.yaml", "bases: [ubuntu]\n"),
                        "E: manifest.yaml: bases[0]: must be a map with name, channel and architectures"),
                row("manifest base fields missing", files("manifest.yaml", "bases:\n  - {architectures: [amd64]}\n"),
                        "E: manifest.yaml: bases[0].channel: base without channel",
                        "E: manifest.yaml: bases[0].name: base without name"),
                row("manifest base fields wrong", files("manifest.yaml",
                        "bases:\n  - {name: Ubuntu, channel: 22.04, architectures: [x86_64], arch: amd64}\n"
                                + "  - {name: ubuntu, channel: jammy, architectures: amd64}\n"),
                        "E: manifest.yaml: bases[0].architectures: architecture \"x86_64\" not valid; use amd64,"
                                + " arm64, ppc64el, riscv64, s390x",
                        "E: manifest.yaml: bases[0].channel: must be a string: YAML reads 22.04 as a number, so"
                                + " quote it (channel: \"22.04\")",
                        "E: manifest.yaml: bases[0].name: os \"Ubuntu\" not valid; use one of centos, genericlinux,"
                                + " opensuse, osx, ubuntu, windows (lower case)",
                        "E: manifest.yaml: bases[1].architectures: must be a list of architecture names",
                        "E: manifest.yaml: bases[1].channel: channel not valid: \"jammy\"; write a version,"
                                + " optionally with a risk (e.g. \"22.04\" or \"22.04/stable\")",
                        "W: manifest.yaml: bases[0].arch: unknown base field; Juju ignores it"),
                row("manifest base fields right", files("manifest.yaml",
                        "bases:\n  - {name: ubuntu, channel: 22.04/stable, architectures: [amd64, arm64, s390x]}\n"
                                + "  - {name: centos, channel: '7'}\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(String name, Map<String, String> files, List<String> expected) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue() == null) {
                Files.delete(charm.resolve(file.getKey()));
            } else {
                write(charm, file.getKey(), file.getValue());
            }
        }

        assertThat(proof()).containsExactlyElementsOf(expected);
    }

    @Test
    void dispatchMustBeExecutable() throws IOException {
        write(charm, "dispatch", "#!/bin/sh\n");

        assertThat(proof()).containsExactly(
                "E: dispatch: not an executable file: Juju fails every hook; chmod 755 dispatch");
    }

    @Test
    void withoutDispatchJujuRunsHooksAndWithoutEitherNothing() throws IOException {
        Files.delete(charm.resolve("dispatch"));
        for (String hook : List.of("install", "start", "upgrade-charm")) {
            Files.delete(charm.resolve("hooks/" + hook));
        }
        executable(charm, "hooks/install", "#!/bin/sh\n");

        assertThat(proof()).containsExactly("I: dispatch: missing: Juju runs hooks/<hook-name> directly");

        Files.delete(charm.resolve("hooks/install"));
        Files.delete(charm.resolve("hooks"));
        assertThat(proof()).containsExactly(
                "E: dispatch: missing, and there is no hooks/ directory: Juju has nothing to run");
    }

    @Test
    void theHookLinksForOldJujuAreRecommended() throws IOException {
        Files.delete(charm.resolve("hooks/start"));

        assertThat(proof()).containsExactly("I: hooks/start: missing: Juju before 2.8 ignores dispatch and runs this"
                + " hook; link it to ../dispatch");
    }

    @Test
    void hooksMustBeExecutable() throws IOException {
        write(charm, "hooks/config-changed", "#!/bin/sh\n");
        executable(charm, "hooks/stop", "#!/bin/sh\n");

        assertThat(proof()).containsExactly("W: hooks/config-changed: hook is not executable; chmod 755 it");
    }

    @Test
    void symlinksMustBeRelativeAndStayInsideTheCharm() throws IOException {
        Path absolute = charm.resolve("dispatch").toAbsolutePath();
        Files.createSymbolicLink(charm.resolve("hooks/stop"), absolute);
        Files.createSymbolicLink(charm.resolve("hooks/remove"), Path.of("../../outside"));
        Files.createDirectories(charm.resolve("docs"));
        Files.createSymbolicLink(charm.resolve("docs/readme"), Path.of("../metadata.yaml"));

        assertThat(proof()).containsExactly(
                "E: hooks/remove: symlink \"hooks/remove\" links out of charm: \"../../outside\"",
                "E: hooks/stop: symlink \"hooks/stop\" is absolute: \"" + absolute + "\"");
    }

    @Test
    void specialFilesAreRejected() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", charm.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(proof()).containsExactly(
                "E: pipe: not a regular file, directory or symlink; Juju rejects pipes, sockets and devices");
    }

    @Test
    void findingsAreSortedWorstFirstThenByFileAndKey() throws IOException {
        write(charm, "metadata.yaml", "name: demo\nsummary: s\ndescription: d\nzz: 1\naa: 2\nprovides: {juju: x}\n");
        write(charm, "config.yaml", "options:\n  b: {type: int}\n  a: {type: nope, description: d}\n");

        assertThat(proof()).containsExactly(
                "E: config.yaml: options.a.type: option \"a\" has unknown type \"nope\"; use string, int, float,"
                        + " boolean or secret",
                "E: metadata.yaml: provides.juju: charm \"demo\" using a reserved relation name: \"juju\"; names"
                        + " \"juju\" and \"juju-*\" belong to Juju",
                "W: config.yaml: options.b.description: missing or empty: say what the option does",
                "I: metadata.yaml: aa: unknown field; Juju ignores it",
                "I: metadata.yaml: zz: unknown field; Juju ignores it");
        assertThat(Proof.check(charm).summary()).isEqualTo("2 errors, 1 warning, 2 infos");
    }
}
