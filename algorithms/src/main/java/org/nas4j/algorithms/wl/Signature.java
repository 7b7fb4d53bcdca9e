package org.nas4j.algorithms.wl;

import java.util.Arrays;

/**
 * A growing list of longs: a colour's own value followed by multisets, each written as its length and
 * then its sorted members, so no two different inputs can write the same list.
 */
final class Signature {

    private long[] values = new long[16];
    private int size;

    Signature clear() {
        size = 0;
        return this;
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    /** Adds the first {@code count} members of {@code buffer} as a multiset (sorts them in place). */
    void addMultiset(long[] buffer, int count) {
        Arrays.sort(buffer, 0, count);
        add(count);
        for (int i = 0; i < count; i++) {
            add(buffer[i]);
        }
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** @return a pair of colours as one long, for multisets of pairs */
    static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }
}
