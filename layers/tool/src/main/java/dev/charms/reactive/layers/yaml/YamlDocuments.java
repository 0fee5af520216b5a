package dev.charms.reactive.layers.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes the YAML files of charms and layers. A document becomes plain Java values: {@link Map}
 * (insertion-ordered, String keys), {@link List}, String, Boolean, Integer/Long/BigInteger, Double, or null.
 * Timestamps stay strings, so a date-like description survives a merge unchanged. Duplicate keys are errors.
 */
public final class YamlDocuments {

    private YamlDocuments() {
    }

    /**
     * Parses {@code text}, whose top level must be a map; {@code source} names it in errors (a path, or
     * {@code some.jar!/reactive-layer/layer.yaml}). An empty document is an empty map.
     *
     * @throws YamlFileException naming {@code source}, with line and column for syntax errors
     */
    public static Map<String, Object> readMap(String text, String source) {
        Object document;
        try {
            document = loader().load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext().trim() + ")" : "";
            throw new YamlFileException(source, mark.getLine() + 1, mark.getColumn() + 1,
                    problem.trim() + context, e);
        } catch (YAMLException e) {
            throw new YamlFileException(source, e.getMessage());
        }
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new YamlFileException(source, "expected a map of keys at the top level, found "
                    + describe(document) + "; write it as \"key: value\" lines");
        }
        checkKeys(map, "", source);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) map;
        return result;
    }

    /** Writes {@code document} as block-style YAML with two-space indentation and no line wrapping. */
    public static String write(Map<String, Object> document) {
        if (document.isEmpty()) {
            return "{}\n";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options).dump(document);
    }

    /** A short description of a YAML value's kind for messages: "a map", "a list", "a string", ... */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Double || value instanceof Float) {
            return "a number with a fraction";
        }
        if (value instanceof Number) {
            return "an integer";
        }
        return value.getClass().getSimpleName();
    }

    private static void checkKeys(Object value, String path, String source) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new YamlFileException(source, "key " + entry.getKey()
                            + (path.isEmpty() ? "" : " under " + path) + " is " + describe(entry.getKey())
                            + "; keys must be strings (quote it)");
                }
                checkKeys(entry.getValue(), path.isEmpty() ? key : path + "." + key, source);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                checkKeys(item, path, source);
            }
        }
    }

    private static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new StringTimestamps(options), new Representer(new DumperOptions()), new DumperOptions(),
                options);
    }

    /** The safe constructor, except that timestamps are kept as the strings they were written as. */
    private static final class StringTimestamps extends SafeConstructor {

        StringTimestamps(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return constructScalar((ScalarNode) node);
                }
            });
        }
    }
}
