package dev.charms.reactive.layers.juju;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.action.ActionContext;
import dev.charms.reactive.host.Command;
import dev.charms.reactive.host.CommandException;
import dev.charms.reactive.host.CommandResult;
import dev.charms.reactive.layers.juju.ModelStatus.StatusInfo;
import dev.charms.reactive.layers.juju.ModelStatus.Unit;
import dev.charms.reactive.status.Status;
import dev.charms.reactive.testing.model.Charm;
import dev.charms.reactive.testing.model.Model;
import dev.charms.reactive.testing.model.SeriesUpgradeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated juju as the orchestrator reads it: {@link ProcessJujuCli} over {@link SimulatedJuju} over a model of
 * a small charm. (samples/kv-store runs {@code reactive upgrade} over it with a real charm and the refresh layer.)
 */
class SimulatedJujuTest {

    static class Greeter {
        @Hook("start")
        void start(Status status) {
            status.active("greeting");
        }

        @Hook("upgrade-charm")
        void upgraded(Status status) {
            status.maintenance("upgraded");
        }

        @Hook("pre-series-upgrade")
        void pause(Status status) {
            status.blocked("Ready for do-release-upgrade and reboot. Set complete when finished.");
        }

        @Action("greet")
        void greet(ActionContext action) {
            if (action.getBoolean("fail")) {
                action.fail("asked to fail");
                return;
            }
            action.set("greeting.text", "hello " + action.getLong("times") + " times");
        }
    }

    private static final Charm GREETER = Charm.of(Greeter.class).actionsYaml("""
            greet:
              params:
                fail: {type: boolean, default: false}
                times: {type: integer, default: 1}
            """);

    private Model model;
    private SimulatedJuju simulated;
    private ProcessJujuCli juju;

    @BeforeEach
    void greeters() {
        model = new Model();
        model.deploy("greeter", GREETER, 2);
        simulated = new SimulatedJuju(model, "prod", Map.of("greeter", Map.of(1, GREETER, 2, GREETER.revision(2))));
        juju = new ProcessJujuCli(simulated, "juju", Optional.of("prod"), (command, result) -> { });
    }

    @Test
    void statusShowsApplicationsUnitsAndMachinesAsJujuDoes() {
        ModelStatus status = juju.status();

        assertThat(status.model()).isEqualTo("prod");
        ModelStatus.Application greeter = status.application("greeter");
        assertThat(greeter.revision()).isEqualTo(OptionalInt.of(1));
        assertThat(greeter.status()).as("derived from the units: the leader set none")
                .isEqualTo(new StatusInfo("active", "greeting"));
        assertThat(greeter.units()).containsExactly(
                new Unit("greeter/0", new StatusInfo("active", "greeting"), new StatusInfo("idle", ""), true, "0", "",
                        Optional.empty()),
                new Unit("greeter/1", new StatusInfo("active", "greeting"), new StatusInfo("idle", ""), false, "1", "",
                        Optional.empty()));
        assertThat(status.machines().values()).containsExactly(
                new ModelStatus.Machine("0", "ubuntu@22.04", new StatusInfo("running", "Running")),
                new ModelStatus.Machine("1", "ubuntu@22.04", new StatusInfo("running", "Running")));
        assertThat(juju.actions("greeter")).containsExactly("greet");
    }

    @Test
    void runReadsParametersAsYamlAndAFailedActionExitsOneWithItsResult() {
        ActionResult done = juju.run("greeter/1", "greet", Map.of("times", "3"));
        ActionResult failed = juju.run("greeter/1", "greet", Map.of("fail", "true"));

        assertThat(done).isEqualTo(new ActionResult("greeter/1", "completed", "",
                Map.of("greeting", "{\"text\":\"hello 3 times\"}")));
        assertThat(failed).isEqualTo(new ActionResult("greeter/1", "failed", "asked to fail", Map.of()));
        assertThat(simulated.run(Command.of("juju", "run", "greeter/1", "greet", "fail=true")).exitCode()).isOne();
        assertThat(simulated.calls()).containsExactly("run greeter/1 greet times=3", "run greeter/1 greet fail=true",
                "run greeter/1 greet fail=true");
    }

    @Test
    void refreshTakesTheApplicationToARevisionTheTestGave() {
        juju.refresh("greeter", Optional.empty(), OptionalInt.of(2));

        assertThat(juju.status().application("greeter").revision()).isEqualTo(OptionalInt.of(2));
        assertThat(model.unit("greeter/0").hookNames()).endsWith("upgrade-charm", "config-changed");
        assertThat(juju.status().application("greeter").status())
                .isEqualTo(new StatusInfo("maintenance", "upgraded"));
        assertThatThrownBy(() -> juju.refresh("greeter", Optional.empty(), OptionalInt.of(7)))
                .isInstanceOf(CommandException.class)
                .hasMessage("cannot refresh 'greeter': `juju refresh -m prod greeter --revision 7` exited with 1:"
                        + " ERROR revision 7 of charm \"greeter\" not found; the test gave revisions [1, 2]");
        assertThatThrownBy(() -> juju.refresh("greeter", Optional.empty(), OptionalInt.of(2)))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("ERROR application greeter already runs revision 2 of its charm");
    }

    @Test
    void aSeriesUpgradeShowsItsPhaseAndRecordsTheReleaseTheMachineRunsAtCompletion() {
        juju.prepareMachine("1", "ubuntu@24.04");

        assertThat(juju.status().machines().get("1").status())
                .isEqualTo(new StatusInfo("prepare completed", "waiting for completion command"));
        assertThat(juju.status().application("greeter").status()).as("the most severe unit status").isEqualTo(
                new StatusInfo("blocked", "Ready for do-release-upgrade and reboot. Set complete when finished."));
        assertThat(juju.exec("1", List.of("cat", "/etc/os-release"))).contains("VERSION_ID=\"22.04\"");

        simulated.upgradeOperatingSystem("1", "24.04");
        assertThat(juju.exec("1", List.of("cat", "/etc/os-release"))).contains("VERSION_ID=\"24.04\"");
        assertThat(juju.status().machines().get("1").base()).as("until completion").isEqualTo("ubuntu@22.04");
        juju.completeMachine("1");

        assertThat(juju.status().machines().get("1"))
                .isEqualTo(new ModelStatus.Machine("1", "ubuntu@24.04", new StatusInfo("running", "Running")));
        assertThat(model.seriesUpgradeStatus("1")).isEqualTo(SeriesUpgradeStatus.NOT_STARTED);
        assertThatThrownBy(() -> juju.completeMachine("1"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("ERROR machine 1 has not been prepared for a series upgrade");
    }

    @Test
    void anotherModelIsNotFound() {
        CommandResult result = simulated.run(Command.of("juju", "status", "-m", "staging", "--format=json"));

        assertThat(result.exitCode()).isOne();
        assertThat(result.stderr()).isEqualTo("ERROR model \"staging\" not found\n");
    }
}
