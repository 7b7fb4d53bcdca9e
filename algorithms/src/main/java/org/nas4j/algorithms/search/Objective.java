package org.nas4j.algorithms.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.util.UserException;

/**
 * What a search optimizes: the task's quality — validation accuracy (maximized) or, for graph
 * regression, mean absolute error (minimized) — and costs (minimized).
 */
public enum Objective {
    /** Validation accuracy in percent, after BN recalibration. */
    ACCURACY("accuracy", "%"),
    /** Validation mean absolute error of a graph regression, in the target's units, after BN recalibration. */
    MAE("mae", ""),
    /** Measured inference latency in milliseconds. */
    LATENCY("latency", "ms"),
    /** Multiply-accumulates of one image. */
    MACS("macs", ""),
    /** Parameters. */
    PARAMS("params", ""),
    /** Model size in megabytes: the float32 weights, 4 bytes a parameter. */
    SIZE("size", "MB");

    private final String label;
    private final String unit;

    Objective(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return the name used on the command line and in files */
    public String label() {
        return label;
    }

    /** @return the unit values are written in ("" for counts) */
    public String unit() {
        return unit;
    }

    /** @return whether larger is better */
    public boolean maximized() {
        return this == ACCURACY;
    }

    /** @return whether it measures how good a child is (accuracy or error) rather than what it costs */
    public boolean quality() {
        return this == ACCURACY || this == MAE;
    }

    /** @return the quality objective among these: the first of them */
    public static Objective qualityOf(List<Objective> objectives) {
        return objectives.stream().filter(Objective::quality).findFirst().orElseThrow();
    }

    /**
     * @param label a name as on the command line
     * @return its objective
     * @throws UserException naming the known ones
     */
    public static Objective parse(String label) {
        for (Objective o : values()) {
            if (o.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new UserException("unknown objective '" + label.trim() + "'; use "
                + String.join(", ", Arrays.stream(values()).map(Objective::label).toList()));
    }

    /**
     * @param list comma-separated names, e.g. {@code accuracy,latency}
     * @return them, in order, each once; one quality (accuracy or mae) and at least one cost
     */
    public static List<Objective> parseList(String list) {
        List<Objective> out = new ArrayList<>();
        for (String s : list.split(",")) {
            Objective o = parse(s);
            if (out.contains(o)) {
                throw new UserException("objective '" + o.label + "' is listed twice in '" + list + "'");
            }
            out.add(o);
        }
        if (out.stream().filter(Objective::quality).count() != 1 || out.size() < 2) {
            throw new UserException("--objectives '" + list + "' must hold one quality (accuracy, or mae for graph runs) and at"
                    + " least one cost, e.g. accuracy,latency or mae,macs");
        }
        return out;
    }
}
