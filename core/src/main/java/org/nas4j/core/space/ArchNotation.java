package org.nas4j.core.space;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the archs of a space family are written as short strings. A family with structure (stages,
 * blocks) supplies a compact notation; {@link #KEY_VALUE} fits any space.
 */
public interface ArchNotation {

    /**
     * @param space the space the arch belongs to
     * @param values every dimension's value, canonical
     * @return the canonical string
     */
    String format(SearchSpace space, Map<String, String> values);

    /**
     * @param space the space to read the arch for
     * @param text an arch string
     * @return the value of every dimension that the string names; the space checks the rest
     * @throws InvalidArchException if the string is malformed
     */
    Map<String, String> parse(SearchSpace space, String text);

    /**
     * The representative of the arch's class of isomorphic archs: archs that compute the same
     * function (cell graphs equal up to a relabelling of nodes and edges that carry nothing). Two
     * archs are isomorphic exactly when their representatives are equal.
     *
     * @param space the space
     * @param values every dimension's value, canonical
     * @return the representative's values (these by default: every arch is its own class)
     */
    default Map<String, String> isomorphismRepresentative(SearchSpace space, Map<String, String> values) {
        return values;
    }

    /**
     * @param space the space
     * @return one representative per class of isomorphic archs, ordered by arch string, where the
     *     family can enumerate them; empty by default
     */
    default Optional<List<Map<String, String>>> isomorphismClasses(SearchSpace space) {
        return Optional.empty();
    }

    /** {@code name=value,name=value,...} over the active dimensions. */
    ArchNotation KEY_VALUE = new KeyValueNotation();
}
