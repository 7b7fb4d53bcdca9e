package org.nas4j.core.space;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled choice of a search space: a categorical dimension (unordered labels) or an integer
 * dimension (ascending values). Immutable.
 *
 * <p>A dimension may be <em>conditional</em>: it only matters when an integer dimension of the same
 * space is at least a given value (a block's kernel only matters when the stage is deep enough to
 * run that block). Inactive dimensions hold their first choice in every {@link Arch}, so two archs
 * that differ only in unused choices are the same arch.
 */
public final class Dimension {

    /** How the choices of a dimension relate to each other. */
    public enum Kind {
        /** Unordered labels, encoded one-hot. */
        CATEGORICAL,
        /** Ascending integers, encoded as a position in [0, 1]. */
        INTEGER
    }

    /** Condition under which a dimension is active: {@code dimension >= atLeast}. */
    public record Condition(String dimension, int atLeast) {}

    private final String name;
    private final Kind kind;
    private final ImmutableList<String> choices;
    private final Condition condition;

    private Dimension(String name, Kind kind, List<String> choices, Condition condition) {
        Preconditions.checkArgument(
                name.matches("[A-Za-z0-9_.]+"), "dimension name '%s' must be [A-Za-z0-9_.]+", name);
        Preconditions.checkArgument(!choices.isEmpty(), "dimension %s has no choices", name);
        Preconditions.checkArgument(
                choices.stream().distinct().count() == choices.size(),
                "dimension %s has repeated choices %s",
                name,
                choices);
        this.name = name;
        this.kind = kind;
        this.choices = ImmutableList.copyOf(choices);
        this.condition = condition;
    }

    /**
     * An integer dimension.
     *
     * @param name the dimension's name
     * @param values its values, strictly ascending
     * @return the dimension
     */
    public static Dimension integer(String name, int... values) {
        for (int i = 1; i < values.length; i++) {
            Preconditions.checkArgument(
                    values[i] > values[i - 1], "values of %s must ascend strictly", name);
        }
        ImmutableList.Builder<String> b = ImmutableList.builder();
        for (int v : values) {
            b.add(Integer.toString(v));
        }
        return new Dimension(name, Kind.INTEGER, b.build(), null);
    }

    /**
     * A categorical dimension.
     *
     * @param name the dimension's name
     * @param labels its labels
     * @return the dimension
     */
    public static Dimension categorical(String name, String... labels) {
        return new Dimension(name, Kind.CATEGORICAL, List.of(labels), null);
    }

    /**
     * This dimension, active only when the integer dimension {@code other} is at least {@code
     * atLeast}.
     *
     * @param other the name of the controlling integer dimension
     * @param atLeast the smallest value of {@code other} for which this dimension is used
     * @return a conditional copy
     */
    public Dimension activeWhen(String other, int atLeast) {
        return new Dimension(name, kind, choices, new Condition(other, atLeast));
    }

    /**
     * This dimension narrowed to some of its choices (the order of the original is kept).
     *
     * @param subset the choices to keep
     * @return the narrowed dimension
     */
    public Dimension narrow(List<String> subset) {
        for (String s : subset) {
            Preconditions.checkArgument(
                    choices.contains(s), "'%s' is not a choice of %s %s", s, name, choices);
        }
        List<String> kept = choices.stream().filter(subset::contains).toList();
        return new Dimension(name, kind, kept, condition);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the choices as labels (integers in decimal) */
    public List<String> choices() {
        return choices;
    }

    /** @return the condition under which this dimension is active, if any */
    public Optional<Condition> condition() {
        return Optional.ofNullable(condition);
    }

    public int size() {
        return choices.size();
    }

    /** @return the first (for integers: smallest) choice */
    public String first() {
        return choices.get(0);
    }

    /** @return the last (for integers: largest) choice */
    public String last() {
        return choices.get(choices.size() - 1);
    }

    /** @return whether the label is a choice of this dimension */
    public boolean allows(String value) {
        return choices.contains(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d
                && name.equals(d.name)
                && kind == d.kind
                && choices.equals(d.choices)
                && Objects.equals(condition, d.condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, choices, condition);
    }

    @Override
    public String toString() {
        String c = condition == null ? "" : " if " + condition.dimension() + ">=" + condition.atLeast();
        return name + (kind == Kind.INTEGER ? "∈" : "∈cat") + choices + c;
    }
}
