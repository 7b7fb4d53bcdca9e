package org.nas4j.algorithms.sampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/**
 * A space's children grouped by MACs, as AttentiveNAS and ShiftNAS group them: the range from the
 * smallest child's MACs to the largest's cut into bins of equal width, a table of children drawn
 * uniformly (a fixed seed: the table belongs to the space, so a resumed run sees the same one), the
 * share of the table in each bin (AttentiveNAS's prior over target MACs), and per bin a proposal:
 * every dimension drawn from its frequencies among the bin's children of the table, kept when the
 * child falls in the bin (AttentiveNAS: up to 100 tries). Where every try misses, a child of the
 * table in that bin is taken, so a drawn child is always in its bin.
 *
 * <p>Uniform draws rarely reach the ends of the range (OFA's children near the largest), so bins
 * they miss are filled by walks of small random changes from the largest and the smallest child;
 * such a bin has children to train and a generator target, but no share of the prior. Bins that
 * neither reaches are left out.
 */
public final class ComplexityBins {

    /**
     * Bins of a space's MACs range unless told otherwise: AttentiveNAS cuts 25-MFLOP steps and ShiftNAS
     * 0.1-GFLOP steps, about 10 bins on their spaces.
     */
    public static final int DEFAULT_BINS = 10;
    /** Children drawn uniformly into the table. */
    static final int TABLE_SIZE = 4000;
    /** Proposals tried before a table child of the bin is taken (AttentiveNAS's max_trials). */
    static final int TRIES = 100;
    /** Walks from each of the largest and smallest child that fill the bins uniform draws miss. */
    static final int WALKS = 100;
    /** Changes per walk. */
    static final int WALK_STEPS = 30;

    private final SearchSpace space;
    private final ToLongFunction<Arch> macs;
    private final long low;
    private final double width;
    private final int cuts;
    /** The bins the table reached, by index into the cuts. */
    private final int[] bins;
    private final double[] shares;
    private final List<List<Arch>> members = new ArrayList<>();
    private final List<Map<String, double[]>> frequencies = new ArrayList<>();

    /**
     * @param space the space
     * @param macs each child's MACs
     * @param cuts bins of equal width between the smallest and the largest child
     */
    public ComplexityBins(SearchSpace space, ToLongFunction<Arch> macs, int cuts) {
        if (cuts < 1) {
            throw new IllegalArgumentException("at least one bin");
        }
        this.space = space;
        this.macs = macs;
        this.cuts = cuts;
        this.low = macs.applyAsLong(space.smallest());
        this.width = Math.max(1.0, (double) (macs.applyAsLong(space.largest()) - low)) / cuts;
        List<List<Arch>> byCut = new ArrayList<>();
        for (int c = 0; c < cuts; c++) {
            byCut.add(new ArrayList<>());
        }
        SplittableRandom rng = new SplittableRandom(0x5eed_b1b5L);
        for (int i = 0; i < TABLE_SIZE; i++) {
            Arch a = space.sample(rng);
            byCut.get(cutOf(macs.applyAsLong(a))).add(a);
        }
        byCut.get(0).add(space.smallest());
        byCut.get(cuts - 1).add(space.largest());
        int[] uniform = byCut.stream().mapToInt(List::size).toArray();
        double change = 1.0 / space.dimensions().size();
        for (int w = 0; w < 2 * WALKS; w++) {
            Arch a = w % 2 == 0 ? space.largest() : space.smallest();
            for (int step = 0; step < WALK_STEPS; step++) {
                a = space.mutate(a, rng, change);
                int cut = cutOf(macs.applyAsLong(a));
                if (uniform[cut] == 0) {
                    byCut.get(cut).add(a);
                }
            }
        }
        List<Integer> reached = new ArrayList<>();
        for (int c = 0; c < cuts; c++) {
            if (!byCut.get(c).isEmpty()) {
                reached.add(c);
                members.add(byCut.get(c));
                frequencies.add(frequencies(byCut.get(c)));
            }
        }
        bins = reached.stream().mapToInt(Integer::intValue).toArray();
        shares = reached.stream().mapToDouble(c -> (double) uniform[c] / (TABLE_SIZE + 2)).toArray();
    }

    /** @return the space binned */
    public SearchSpace space() {
        return space;
    }

    /** @return the number of bins the table or the walks reached */
    public int size() {
        return bins.length;
    }

    /** @return each bin's share of the uniformly drawn table (zero for a bin only walks reached) */
    public double[] shares() {
        return shares.clone();
    }

    /** @return the lowest MACs of a bin */
    public long lower(int bin) {
        return low + Math.round(bins[bin] * width);
    }

    /** @return the MACs where a bin ends (the next bin's lower edge) */
    public long upper(int bin) {
        return low + Math.round((bins[bin] + 1) * width);
    }

    /** @return the bin of a child, or -1 when its MACs fall in a bin nothing reached */
    public int binOf(Arch arch) {
        int cut = cutOf(macs.applyAsLong(arch));
        for (int b = 0; b < bins.length; b++) {
            if (bins[b] == cut) {
                return b;
            }
        }
        return -1;
    }

    /** @return a bin drawn with the table's shares (AttentiveNAS's prior over target MACs) */
    public int drawBin(RandomGenerator rng) {
        return draw(shares, rng);
    }

    /**
     * @param bin a bin
     * @param rng the random source
     * @return a child whose MACs fall in that bin
     */
    public Arch draw(int bin, RandomGenerator rng) {
        Map<String, double[]> f = frequencies.get(bin);
        for (int t = 0; t < TRIES; t++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Dimension d : space.dimensions()) {
                values.put(d.name(), d.choices().get(draw(f.get(d.name()), rng)));
            }
            Arch a = space.of(values);
            if (cutOf(macs.applyAsLong(a)) == bins[bin]) {
                return a;
            }
        }
        List<Arch> m = members.get(bin);
        return m.get(rng.nextInt(m.size()));
    }

    private int cutOf(long m) {
        return (int) Math.max(0, Math.min(cuts - 1, Math.floor((m - low) / width)));
    }

    /** Per dimension, the frequency of each choice among the children where it is active (uniform where never). */
    private Map<String, double[]> frequencies(List<Arch> children) {
        Map<String, double[]> out = new HashMap<>();
        for (Dimension d : space.dimensions()) {
            double[] counts = new double[d.size()];
            double total = 0;
            for (Arch a : children) {
                if (space.isActive(d, a.values())) {
                    counts[d.choices().indexOf(a.get(d.name()))]++;
                    total++;
                }
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] = total == 0 ? 1.0 / counts.length : counts[i] / total;
            }
            out.put(d.name(), counts);
        }
        return out;
    }

    /** @return an index drawn with the given probabilities (summing to 1) */
    static int draw(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            if (u < sum) {
                return i;
            }
        }
        for (int i = p.length - 1; i > 0; i--) {
            if (p[i] > 0) {
                return i;
            }
        }
        return 0;
    }
}
