package org.nas4j.algorithms.predict;

import java.util.List;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/** One-hot features of an arch: a slot per choice of every dimension (all zero when inactive). */
public final class ArchEncoding {

    private final List<Dimension> dimensions;
    private final int width;

    /** @param space the space whose archs are encoded */
    public ArchEncoding(SearchSpace space) {
        dimensions = space.dimensions();
        width = dimensions.stream().mapToInt(Dimension::size).sum();
    }

    /** @return the number of features */
    public int width() {
        return width;
    }

    /** @return the features of an arch */
    public double[] encode(Arch arch) {
        double[] x = new double[width];
        int offset = 0;
        for (Dimension d : dimensions) {
            if (arch.values().containsKey(d.name())) {
                x[offset + d.choices().indexOf(arch.get(d.name()))] = 1;
            }
            offset += d.size();
        }
        return x;
    }
}
