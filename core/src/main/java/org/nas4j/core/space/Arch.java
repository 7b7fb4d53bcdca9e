package org.nas4j.core.space;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * One architecture: an immutable assignment of a choice to every dimension of a search space.
 * Obtain it from a {@link SearchSpace} ({@code sample}, {@code parse}, {@code of}), which makes it
 * canonical (inactive dimensions at their first choice) and gives it its id: the short canonical
 * string that serves as cache key, log line and CLI argument.
 */
public final class Arch {

    private final ImmutableMap<String, String> values;
    private final String id;

    Arch(Map<String, String> values, String id) {
        this.values = ImmutableMap.copyOf(values);
        this.id = id;
    }

    /** @return the canonical string of this arch, e.g. {@code r28_s1:k3e4,k5e6_s2:...} */
    public String id() {
        return id;
    }

    /** @return the value of every dimension, in the space's order */
    public Map<String, String> values() {
        return values;
    }

    /**
     * @param dimension a dimension name
     * @return its label
     */
    public String get(String dimension) {
        String v = values.get(dimension);
        if (v == null) {
            throw new IllegalArgumentException("arch has no dimension '" + dimension + "'");
        }
        return v;
    }

    /**
     * @param dimension an integer dimension's name
     * @return its value
     */
    public int getInt(String dimension) {
        return Integer.parseInt(get(dimension));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arch a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
