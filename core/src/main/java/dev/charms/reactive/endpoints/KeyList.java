package dev.charms.reactive.endpoints;

import java.util.AbstractList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list whose elements can also be looked up by a key, such as relations by relation id: what
 * charms.reactive calls a {@code KeyList}. Lookup by key returns the first element with that key.
 *
 * @param <T> the element type
 */
public final class KeyList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Function<T, String> key;
    private final String what;

    KeyList(List<T> items, Function<T, String> key, String what) {
        this.items = List.copyOf(items);
        this.key = key;
        this.what = what;
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /**
     * The first element with this key.
     *
     * @throws NoSuchElementException naming the key and the keys there are
     */
    public T get(String key) {
        return find(key).orElseThrow(() -> new NoSuchElementException("no " + what + " " + key + " among "
                + keys()));
    }

    /** The first element with this key, or empty. */
    public Optional<T> find(String key) {
        return items.stream().filter(item -> this.key.apply(item).equals(key)).findFirst();
    }

    /** True when an element has this key. */
    public boolean containsKey(String key) {
        return find(key).isPresent();
    }

    /** The keys, in list order (with repeats if keys repeat). */
    public List<String> keys() {
        return items.stream().map(key).toList();
    }
}
