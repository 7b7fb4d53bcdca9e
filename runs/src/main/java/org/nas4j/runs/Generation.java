package org.nas4j.runs;

import java.io.IOException;
import java.util.SplittableRandom;
import org.hipparchus.stat.regression.SimpleRegression;
import org.nas4j.algorithms.sampling.ArchitectureGenerator;
import org.nas4j.algorithms.sampling.ShiftSampler;
import org.nas4j.algorithms.search.Archive;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.train.Checkpoint;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

/**
 * ShiftNAS's architecture generator of a trained run: a child for a target MACs (the paper's use at
 * search time: the most likely choice at every step, weights inherited), or for a target latency,
 * turned into MACs by the line that fits the run's own measured children (latency against MACs).
 */
public final class Generation {

    /** The most likely child's relative MACs error above which the generator's samples are searched. */
    public static final double TOLERANCE = 0.05;
    /** Children sampled then. */
    public static final int DRAWS = 64;

    private Generation() {}

    /**
     * @param dir a run trained with {@code --sampler shiftnas} or {@code shiftnas-smallest}
     * @param run the open run; its supernet receives the checkpoint's weights
     * @return the generator with its trained weights
     * @throws UserException for a run trained with another sampler
     */
    public static ArchitectureGenerator load(RunDirectory dir, Run run) {
        if (!(run.sampler() instanceof ShiftSampler shift) || shift.generator() == null) {
            throw new UserException("run " + dir.root() + " was trained with --sampler " + run.spec().train().sampler()
                    + ", which trains no generator; train with --sampler shiftnas or shiftnas-smallest, or search this run "
                    + "('nas4j search')");
        }
        Checkpoint.load(dir.checkpoint(), run.net(), null, run.manager(), shift::restoreArray);
        return shift.generator();
    }

    /**
     * The generator's child for a target at search time: its most likely child when that is within
     * {@value #TOLERANCE} of the target's MACs (relative), else the nearest of {@value #DRAWS}
     * children it samples for the target, drawn with the run's seed, changed one choice at a time toward
     * the target when that too misses ({@link ArchitectureGenerator#forTarget}).
     *
     * @param generator a loaded generator ({@link #load})
     * @param run the open run
     * @param macs the target
     * @return the child
     */
    public static Arch child(ArchitectureGenerator generator, Run run, double macs) {
        return generator.forTarget(macs, TOLERANCE, DRAWS,
                new SplittableRandom(Seeds.derive(run.spec().train().seed(), "generate", 0)));
    }

    /**
     * @param dir the run
     * @param run the open run
     * @param latencyMs a target latency
     * @return the MACs of that latency on the line through the run's evaluated children
     * @throws UserException when the run has fewer than 2 evaluated children, or their latencies do not rise with MACs
     */
    public static double macsForLatency(RunDirectory dir, Run run, double latencyMs) throws IOException {
        SimpleRegression line = new SimpleRegression();
        for (Evaluation e : Archive.open(dir.evaluations(), run.net().space()).all()) {
            line.addData(e.macs(), e.latencyMs());
        }
        if (line.getN() < 2) {
            throw new UserException("--latency needs children of this run with measured latencies to map it to MACs: run "
                    + "'nas4j search --run " + dir.root() + "' first, or give --macs");
        }
        if (!(line.getSlope() > 0)) { // timing noise can outweigh the MACs between a few small children
            throw new UserException("the latencies of this run's " + line.getN() + " measured children do not rise with "
                    + "their MACs, so --latency cannot be mapped to MACs: search again with --latency-table (from "
                    + "'nas4j profile'), or give --macs");
        }
        return (latencyMs - line.getIntercept()) / line.getSlope();
    }
}
