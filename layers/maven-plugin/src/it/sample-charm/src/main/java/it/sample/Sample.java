package it.sample;

/** The charm's code; its jar becomes lib/sample-charm-1.0.jar. */
public final class Sample {
    private Sample() {
    }
}
