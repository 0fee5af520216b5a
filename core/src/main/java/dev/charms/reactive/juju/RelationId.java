package dev.charms.reactive.juju;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relation id as hook tools print it, {@code <endpoint>:<number>} such as {@code db:3}.
 *
 * @param endpoint the local endpoint (relation name from {@code metadata.yaml}); never null
 * @param number the relation's number, unique in the model
 */
public record RelationId(String endpoint, int number) {
    private static final Pattern ENDPOINT = Pattern.compile("[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*");
    private static final Pattern RELATION_ID = Pattern.compile("(" + ENDPOINT.pattern() + "):(0|[1-9][0-9]{0,8})");

    /** What a relation id must look like, for error messages. */
    static final String EXPECTED = "<endpoint>:<number>, such as db:3";

    /** Checks the parts. */
    public RelationId {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("\"" + endpoint + "\" is not an endpoint name: expected lowercase"
                    + " letters and digits, starting with a letter, with single - or _ between them");
        }
        if (number < 0) {
            throw new IllegalArgumentException("a relation number cannot be negative, got " + number);
        }
    }

    /**
     * Parses {@code db:3}.
     *
     * @throws IllegalArgumentException naming the text when it is not a relation id
     */
    public static RelationId parse(String text) {
        Matcher matcher = RELATION_ID.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a relation id: expected " + EXPECTED);
        }
        return new RelationId(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** {@code endpoint:number}, the form hook tools take and print. */
    @Override
    public String toString() {
        return endpoint + ":" + number;
    }
}
