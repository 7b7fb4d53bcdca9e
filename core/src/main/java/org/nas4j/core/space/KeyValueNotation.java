package org.nas4j.core.space;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The generic notation: {@code name=value} pairs of the active dimensions, comma separated. */
final class KeyValueNotation implements ArchNotation {

    @Override
    public String format(SearchSpace space, Map<String, String> values) {
        StringJoiner j = new StringJoiner(",");
        for (Dimension d : space.dimensions()) {
            if (space.isActive(d, values)) {
                j.add(d.name() + "=" + values.get(d.name()));
            }
        }
        return j.toString();
    }

    @Override
    public Map<String, String> parse(SearchSpace space, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidArchException(
                        "arch '" + text + "': expected name=value pairs separated by commas");
            }
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return values;
    }
}
