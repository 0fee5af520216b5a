package dev.charms.reactive.samples.hello.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the main job as {@code java -jar hello-demo.jar} does and checks the timeline it prints. */
class DemoTest {

    private static List<String> runMain() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsEveryHookWithItsHandlersFlagsCallsAndStatus() throws Exception {
        List<String> lines = runMain();

        assertThat(lines).filteredOn(line -> line.startsWith("["))
                .extracting(line -> line.substring(0, line.indexOf("    <-")))
                .containsExactly("[1] install", "[2] leader-elected", "[3] config-changed", "[4] start",
                        "[5] config-changed", "[6] update-status", "[7] pre-series-upgrade",
                        "[8] post-series-upgrade");
        assertThat(lines).filteredOn(line -> line.startsWith("    handlers")).containsExactly(
                "    handlers    HelloCharm.install, HelloCharm.configure, HelloCharm.start",
                "    handlers    HelloCharm.showGreeting",
                "    handlers    -",
                "    handlers    -",
                "    handlers    HelloCharm.configure, HelloCharm.showGreeting",
                "    handlers    HelloCharm.updateStatus",
                "    handlers    HelloCharm.pauseForSeriesUpgrade",
                "    handlers    HelloCharm.resumeAfterSeriesUpgrade");
        assertThat(lines).filteredOn(line -> line.startsWith("    flags")).containsExactly(
                "    flags       +hello.configured +hello.installed +hello.started",
                "    flags       +hello.greeting-shown +leadership.is_leader",
                "    flags       -",
                "    flags       -",
                "    flags       -",
                "    flags       -",
                "    flags       +hello.paused +upgrade.series.in-progress",
                "    flags       -hello.paused -upgrade.series.in-progress");
        assertThat(lines).contains(
                "    hook tools  status-set maintenance \"installing hello\"; "
                        + "status-set active \"ready: saying 'hello' on port 8080\"",
                "    hook tools  status-set --application active \"greeting: hello\"",
                "    host        systemctl restart hello",
                "    host        systemctl disable --now hello",
                "    status      unit blocked \"Ready for do-release-upgrade and reboot. Set complete when finished.\";"
                        + " application active \"greeting: hi there\"",
                "    status      unit active \"ready: saying 'hi there' on port 8080\";"
                        + " application active \"greeting: hi there\"",
                "flags at the end: hello.configured, hello.greeting-shown, hello.installed, hello.started,"
                        + " leadership.is_leader",
                "hello.conf at the end: greeting=hi there, port=8080");
    }
}
