package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.charms.reactive.Hook;
import dev.charms.reactive.Injectable;
import dev.charms.reactive.discovery.HandlerDiscovery;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A layer's {@link Injectable} interface, implemented by the charm: {@link CharmImplementations}. */
class CharmImplementationsTest {

    /** What a layer asks the charm for. */
    @Injectable
    interface Workload {
        String version();
    }

    /** A layer handler class that uses the charm's workload. */
    static class Layer {
        static final List<Object> seen = new ArrayList<>();

        @Hook("install")
        void useWorkload(Workload workload) {
            seen.add(workload);
        }
    }

    /** The charm: implements the layer's interface on its own handler class. */
    static class CharmClass implements Workload {
        static final List<Object> ranOn = new ArrayList<>();

        @Hook("install")
        void install() {
            ranOn.add(this);
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    @Test
    void aHandlerClassImplementingTheInterfaceIsInjectedAsTheInstanceItsHandlersRunOn() {
        Layer.seen.clear();
        CharmClass.ranOn.clear();

        Harness.of(Layer.class, CharmClass.class).hook("install").run();

        assertThat(Layer.seen).hasSize(1);
        assertThat(Layer.seen.get(0)).isInstanceOf(CharmClass.class).isSameAs(CharmClass.ranOn.get(0));
    }

    /** An interface no handler class of the charms below implements. */
    @Injectable
    public interface ListedWorkload extends Workload {
    }

    /** A charm class without handlers, the one class META-INF/services lists for {@link ListedWorkload}. */
    public static class ListedImplementation implements ListedWorkload {
        @Override
        public String version() {
            return "listed";
        }
    }

    /** Uses {@link ListedWorkload} twice in a hook. */
    static class ListedUser {
        static final List<Object> seen = new ArrayList<>();

        @Hook("install")
        void first(ListedWorkload workload) {
            seen.add(workload);
        }

        @Hook("install")
        void second(ListedWorkload workload) {
            seen.add(workload);
        }
    }

    @Test
    void withoutAHandlerClassTheClassListedInMetaInfServicesIsCreatedOncePerHook() {
        ListedUser.seen.clear();

        Harness.of(ListedUser.class).hook("install").run();
        Harness.of(ListedUser.class).hook("install").run();

        assertThat(ListedUser.seen).hasSize(4).allMatch(ListedImplementation.class::isInstance);
        assertThat(ListedUser.seen.get(1)).isSameAs(ListedUser.seen.get(0));
        assertThat(ListedUser.seen.get(2)).isNotSameAs(ListedUser.seen.get(0));
    }

    @Test
    void resolversRecordedByTheBootstrapStillLeaveTheListedClassToBeFound() {
        ListedUser.seen.clear();

        HookRunner.builder(HandlerSet.of(HandlerDiscovery.forClass(ListedUser.class)))
                .recordedResolvers(List.of())
                .build()
                .run(new InMemoryJujuBackend(), "install", new JsonObject());

        assertThat(ListedUser.seen).hasSize(2).allMatch(ListedImplementation.class::isInstance);
    }

    /** A handler class implementing {@link ListedWorkload}: it wins over the listed class. */
    static class OwnImplementation implements ListedWorkload {
        @Hook("start")
        void start() {
        }

        @Override
        public String version() {
            return "own";
        }
    }

    @Test
    void aHandlerClassWinsOverTheListedClass() {
        ListedUser.seen.clear();

        Harness.of(ListedUser.class, OwnImplementation.class).hook("install").run();

        assertThat(ListedUser.seen).hasSize(2).allMatch(OwnImplementation.class::isInstance);
    }

    /** A second handler class implementing {@link Workload}. */
    static class OtherCharmClass implements Workload {
        @Hook("start")
        void start() {
        }

        @Override
        public String version() {
            return "2.0";
        }
    }

    @Test
    void twoImplementingHandlerClassesAreAnErrorNamingBoth() {
        Failure failure = Harness.of(Layer.class, CharmClass.class, OtherCharmClass.class).hook("install")
                .runExpectingFailure();

        assertThat(failure.cause()).hasMessageContaining("several handler classes implement "
                + Workload.class.getName() + ": " + CharmClass.class.getName() + ", " + OtherCharmClass.class.getName()
                + "; a charm provides one implementation");
    }

    /** Not marked injectable: no charm implementation is looked for. */
    interface Plain {
    }

    static class WantsPlain implements Plain {
        @Hook("install")
        void install(Plain plain) {
        }
    }

    @Test
    void anInterfaceWithoutInjectableIsNotResolvedEvenWhenAHandlerClassImplementsIt() {
        Failure failure = Harness.of(WantsPlain.class).hook("install").runExpectingFailure();

        assertThat(failure.cause()).hasMessageContaining("no ParameterResolver supports " + Plain.class.getName());
    }
}
