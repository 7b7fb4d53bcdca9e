package org.nas4j.algorithms.wl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Injective names for signatures: the same signature gets the same small integer in every graph it is
 * used on, which is what lets two graphs' colourings be compared. One palette per refinement step.
 */
final class Palette {

    private final Map<Key, Integer> ids = new HashMap<>();

    /** @return the colour of this signature, a new one the first time it is seen */
    int id(long[] signature) {
        return ids.computeIfAbsent(new Key(signature), k -> ids.size());
    }

    /** @return how many distinct signatures have been named */
    int size() {
        return ids.size();
    }

    private record Key(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
