package dev.charms.reactive.endpoints;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The raw settings of one unit or application in one relation, as strings: what {@code relation-get} returns. A
 * {@link Map} sorted by key; a missing key reads as null. Read from Juju on first use.
 *
 * <p>Only the local unit's and application's views ({@link Relation#toPublishRaw()},
 * {@link Relation#toPublishAppRaw()}) are writable; every write to another unit's or application's data throws
 * {@link UnsupportedOperationException} ({@code Remote unit data cannot be modified}). Writes to a writable view
 * mark it modified and are published with {@code relation-set} at the end of the hook, only if the hook succeeds.
 * Putting null removes the key, as {@code relation-set key=} does.
 */
public final class UnitDataView extends AbstractMap<String, String> {
    private final String owner;
    private final boolean writable;
    private final Supplier<Map<String, String>> loader;
    private TreeMap<String, String> data;
    private final Set<String> removed = new TreeSet<>();
    private boolean modified;

    UnitDataView(String owner, boolean writable, Supplier<Map<String, String>> loader) {
        this.owner = owner;
        this.writable = writable;
        this.loader = loader;
    }

    /** True for the local unit's and application's data, which the charm publishes. */
    public boolean isWritable() {
        return writable;
    }

    /** True once a write changed (or re-wrote) the data in this hook. */
    public boolean isModified() {
        return modified;
    }

    private TreeMap<String, String> data() {
        if (data == null) {
            data = new TreeMap<>(loader.get());
        }
        return data;
    }

    @Override
    public String get(Object key) {
        return data().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return data().containsKey(key);
    }

    @Override
    public int size() {
        return data().size();
    }

    /** Sets a setting; a null value removes it. */
    @Override
    public String put(String key, String value) {
        Objects.requireNonNull(key, "key");
        checkWritable();
        if (value == null) {
            return remove(key);
        }
        modified = true;
        removed.remove(key);
        return data().put(key, value);
    }

    @Override
    public String remove(Object key) {
        checkWritable();
        if (!data().containsKey(key)) {
            return null;
        }
        modified = true;
        removed.add((String) key);
        return data().remove(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                Iterator<Entry<String, String>> entries = data().entrySet().iterator();
                return new Iterator<>() {
                    private String last;

                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<String, String> next() {
                        Entry<String, String> e = entries.next();
                        last = e.getKey();
                        return new SimpleImmutableEntry<>(e);
                    }

                    @Override
                    public void remove() {
                        checkWritable();
                        entries.remove();
                        modified = true;
                        removed.add(last);
                    }
                };
            }

            @Override
            public int size() {
                return data().size();
            }
        };
    }

    /** What {@code relation-set} gets: every setting, and the keys removed in this hook as null. */
    Map<String, String> publication() {
        Map<String, String> all = new LinkedHashMap<>(data());
        removed.forEach(k -> all.put(k, null));
        return Collections.unmodifiableMap(all);
    }

    private void checkWritable() {
        if (!writable) {
            throw new UnsupportedOperationException("Remote unit data cannot be modified: the data of " + owner
                    + " is read-only; publish through Relation.toPublish() or toPublishApp()");
        }
    }
}
