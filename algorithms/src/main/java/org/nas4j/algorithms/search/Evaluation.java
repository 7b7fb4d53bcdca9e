package org.nas4j.algorithms.search;

import java.util.List;
import org.nas4j.core.space.Arch;

/**
 * One real evaluation of a child: everything the objectives and constraints can ask for.
 *
 * @param arch the child
 * @param accuracy the task's validation score after BN recalibration: accuracy (or BLEU) in percent, or, for
 *     graph regression, the mean absolute error
 * @param latencyMs measured median latency in milliseconds
 * @param macs multiply-accumulates per image
 * @param params parameters
 * @param seconds how long the evaluation took
 */
public record Evaluation(Arch arch, double accuracy, double latencyMs, long macs, long params, double seconds) {

    /** @return the value of one objective, in its own unit */
    public double value(Objective o) {
        return switch (o) {
            case ACCURACY, MAE -> accuracy;
            case LATENCY -> latencyMs;
            case MACS -> macs;
            case PARAMS -> params;
            case SIZE -> params * 4 / 1e6;
        };
    }

    /**
     * @param objectives the search's objectives
     * @return how good it is by their quality objective: larger is better (an error negated)
     */
    public double goodness(List<Objective> objectives) {
        Objective q = Objective.qualityOf(objectives);
        return q.maximized() ? value(q) : -value(q);
    }

    /** @return the objectives' values, each turned so that smaller is better (accuracy negated) */
    public double[] minimized(List<Objective> objectives) {
        double[] v = new double[objectives.size()];
        for (int k = 0; k < v.length; k++) {
            Objective o = objectives.get(k);
            v[k] = o.maximized() ? -value(o) : value(o);
        }
        return v;
    }
}
