package dev.charms.reactive.testing.model;

import dev.charms.reactive.dispatch.HookOutcome;
import dev.charms.reactive.testing.InMemoryJujuBackend;
import java.util.ArrayList;
import java.util.List;

/** Runs hooks in this JVM and keeps every request, so a test can assert what each hook's environment held. */
final class RecordingDriver implements HookDriver {
    private final HookDriver inProcess = HookDriver.inProcess();
    private final List<HookRequest> requests = new ArrayList<>();

    @Override
    public HookOutcome run(HookRequest request, InMemoryJujuBackend backend) {
        requests.add(request);
        return inProcess.run(request, backend);
    }

    /** The last request. */
    HookRequest last() {
        return requests.get(requests.size() - 1);
    }

    /** How many hooks ran so far, to describe only the later ones. */
    int count() {
        return requests.size();
    }

    /**
     * The requests from {@code from} on, one line each: unit, hook, then {@code remote=}, {@code app=} and
     * {@code departing=} when present, e.g. {@code web/0 website-relation-departed remote=proxy/0 app=proxy
     * departing=proxy/0}.
     */
    List<String> describe(int from) {
        return requests.subList(from, requests.size()).stream().map(r -> r.unit() + " " + r.hook()
                + r.remoteUnit().map(u -> " remote=" + u).orElse("")
                + r.remoteApp().map(a -> " app=" + a).orElse("")
                + r.departingUnit().map(u -> " departing=" + u).orElse("")).toList();
    }
}
