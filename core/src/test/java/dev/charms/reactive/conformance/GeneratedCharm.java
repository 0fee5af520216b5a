package dev.charms.reactive.conformance;

import dev.charms.reactive.When;

/** A handler class with a hand-written stand-in for its generated index, {@link GeneratedCharm_ReactiveHandlers}. */
class GeneratedCharm {
    @When("never.used.by.the.index")
    void annotated() {
    }

    void fromIndex() {
    }
}
