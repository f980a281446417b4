package io.yakraft.session;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list that only grows (or starts over), whose published views cost nothing: a view is the
 * backing array and the size at the time, and an entry below that size is never written again
 * (growing copies to a new array, starting over takes a new one). The session publishes the
 * timeline's markers this way every frame instead of copying thousands of them.
 */
final class AppendOnlyList<T> {
    private Object[] items = new Object[64];
    private int size;

    void add(T item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    int size() {
        return size;
    }

    /** Empties the list; views handed out before keep their entries. */
    void clear() {
        items = new Object[64];
        size = 0;
    }

    /** An immutable view of the entries added so far. */
    List<T> view() {
        return new View<>(items, size);
    }

    private static final class View<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] items;
        private final int size;

        View(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " of a view of " + size + " entries");
            }
            return (T) items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
