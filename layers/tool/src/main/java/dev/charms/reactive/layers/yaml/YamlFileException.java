package dev.charms.reactive.layers.yaml;

import dev.charms.reactive.layers.LayerToolException;

/**
 * A YAML file that cannot be used: malformed, a duplicate key, a non-string key, or a top level that is not a
 * map. The message is {@code <source>:<line>:<column>: <detail>} (1-based) when the position is known, else
 * {@code <source>: <detail>}.
 */
public final class YamlFileException extends LayerToolException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String detail;

    YamlFileException(String source, int line, int column, String detail, Throwable cause) {
        super(source + ":" + line + ":" + column + ": " + detail, cause);
        this.source = source;
        this.detail = "line " + line + ", column " + column + ": " + detail;
    }

    YamlFileException(String source, String detail) {
        super(source + ": " + detail);
        this.source = source;
        this.detail = detail;
    }

    /** The file as named in the message (a path, or {@code jar!/entry}). Never null. */
    public String source() {
        return source;
    }

    /** The message without the file name, with line and column when known. Never null. */
    public String detail() {
        return detail;
    }
}
