package dev.charms.reactive.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.charms.reactive.Action;
import dev.charms.reactive.Hook;
import dev.charms.reactive.spi.HandlerDefinition;
import dev.charms.reactive.spi.HookContext;
import dev.charms.reactive.spi.ParameterResolver;
import dev.charms.reactive.spi.ResolutionContext;
import dev.charms.reactive.testing.Failure;
import dev.charms.reactive.testing.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterResolutionTest {

    /** A layer's injectable type, resolved by its own resolver. */
    record Greeting(String text, String handler, int index) {
    }

    static final class GreetingResolver implements ParameterResolver {
        @Override
        public boolean supports(Class<?> type) {
            return type == Greeting.class;
        }

        @Override
        public Object resolve(Class<?> type, ResolutionContext context) {
            return context.hook().hookScoped(Greeting.class, h -> new Greeting("hello from " + h.hookName(),
                    context.handler().displayName(), context.parameterIndex()));
        }
    }

    static class Greeter {
        static final List<Greeting> received = new ArrayList<>();

        @Hook("install")
        void first(HookContextFree unused, Greeting greeting) {
            received.add(greeting);
        }

        @Hook("install")
        void second(Greeting greeting) {
            received.add(greeting);
        }
    }

    /** A parameter type the test resolver below also supports. */
    interface HookContextFree {
    }

    static final class HookContextFreeResolver implements ParameterResolver {
        @Override
        public boolean supports(Class<?> type) {
            return type == HookContextFree.class;
        }

        @Override
        public Object resolve(Class<?> type, ResolutionContext context) {
            return new HookContextFree() {
            };
        }
    }

    @Test
    void aResolverSuppliesItsTypeWithTheHandlerAndIndexAndCanShareOneInstancePerHook() {
        Greeter.received.clear();
        Harness.of(Greeter.class).resolver(new GreetingResolver()).resolver(new HookContextFreeResolver())
                .hook("install").run();
        assertThat(Greeter.received).hasSize(2);
        assertThat(Greeter.received.get(0)).isEqualTo(new Greeting("hello from install", "Greeter.first", 1));
        assertThat(Greeter.received.get(1)).isSameAs(Greeter.received.get(0));
    }

    static class WantsString {
        @Hook("install")
        void handler(String unsupported) {
        }
    }

    @Test
    void noResolverIsAnErrorNamingHandlerParameterAndResolvers() {
        Failure failure = Harness.of(WantsString.class).hook("install").runExpectingFailure();
        assertThat(failure.cause()).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("cannot resolve parameter 0 (String) of handler WantsString.handler ("
                        + WantsString.class.getName() + ".handler): no ParameterResolver supports java.lang.String "
                        + "(resolvers: dev.charms.reactive.dispatch.ServiceResolver, "
                        + "dev.charms.reactive.endpoints.EndpointSupport, "
                        + "dev.charms.reactive.dispatch.CharmImplementations)");
    }

    @Test
    void twoResolversForOneTypeIsAnError() {
        Failure failure = Harness.of(Greeter.class).resolver(new GreetingResolver()).resolver(new GreetingResolver())
                .resolver(new HookContextFreeResolver()).hook("install").runExpectingFailure();
        assertThat(failure.cause()).hasMessageContaining("cannot resolve parameter 1 (Greeting) of handler Greeter.first")
                .hasMessageContaining("2 resolvers support " + Greeting.class.getName() + ": "
                        + GreetingResolver.class.getName() + ", " + GreetingResolver.class.getName());
    }

    static class NoCondition {
        void handler() {
        }
    }

    @Test
    void aHandlerWithoutConditionIsRejected() {
        HandlerDefinition bare = HandlerDefinition.builder(NoCondition.class, "handler")
                .invoker((target, args) -> ((NoCondition) target).handler()).build();
        assertThatThrownBy(() -> HandlerSet.ofDefinitions(List.of(bare), type -> new NoCondition()))
                .hasMessageStartingWith("handler NoCondition.handler (" + NoCondition.class.getName()
                        + ".handler) has no condition");
    }

    static class Actions {
        @Action("backup")
        void backup() {
            throw new AssertionError("actions are not dispatched by hooks");
        }
    }

    @Test
    void actionHandlersAreNotDispatchedInHooks() {
        assertThat(Harness.of(Actions.class).hook("install").run().invoked()).isEmpty();
    }

    @Test
    void theHookContextOffersTheRuntimeServices() {
        List<Object> seen = new ArrayList<>();
        ParameterResolver spy = new ParameterResolver() {
            @Override
            public boolean supports(Class<?> type) {
                return type == HookContextFree.class;
            }

            @Override
            public Object resolve(Class<?> type, ResolutionContext context) {
                HookContext hook = context.hook();
                seen.add(hook.service(dev.charms.reactive.config.Config.class).orElseThrow());
                seen.add(hook.service(String.class).isPresent());
                seen.add(hook.restricted());
                seen.add(hook.flags().isSet("x"));
                return new HookContextFree() {
                };
            }
        };
        Harness.of(Greeter.class).resolver(spy).resolver(new GreetingResolver()).flags("x")
                .config(Map.of()).hook("install").run();
        assertThat(seen).hasSize(4);
        assertThat(seen.subList(1, 4)).containsExactly(false, false, true);
    }
}
