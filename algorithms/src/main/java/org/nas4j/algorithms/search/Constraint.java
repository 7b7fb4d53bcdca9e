package org.nas4j.algorithms.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.util.UserException;

/**
 * A limit on one objective: {@code latency<=3ms}, {@code macs<=20M}, {@code params<=100k}, {@code
 * size<=0.5MB}, {@code accuracy>=85}.
 *
 * @param objective what is limited
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param limit the bound, in the objective's unit
 */
public record Constraint(Objective objective, boolean atMost, double limit) {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z]+)\\s*(<=|>=)\\s*([0-9]*\\.?[0-9]+)\\s*([a-z%]*)\\s*");

    /**
     * @param text e.g. {@code latency<=3ms}
     * @return the constraint
     * @throws UserException saying what is wrong
     */
    public static Constraint parse(String text) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserException("constraint '" + text + "' is not of the form NAME<=VALUE or NAME>=VALUE, "
                    + "e.g. latency<=3ms, macs<=20M, params<=100k, size<=0.5MB, accuracy>=85");
        }
        Objective o = Objective.parse(m.group(1));
        double v = Double.parseDouble(m.group(3));
        String suffix = m.group(4);
        double scale = switch (suffix) {
            case "" -> 1;
            case "k" -> o == Objective.SIZE ? bad(text) : 1e3;
            case "m" -> o == Objective.LATENCY || o == Objective.SIZE ? bad(text) : 1e6;
            case "g" -> o == Objective.SIZE ? bad(text) : 1e9;
            case "mb" -> o == Objective.SIZE ? 1 : bad(text);
            case "kb" -> o == Objective.SIZE ? 1e-3 : bad(text);
            case "ms" -> o == Objective.LATENCY ? 1 : bad(text);
            case "s" -> o == Objective.LATENCY ? 1e3 : bad(text);
            case "us" -> o == Objective.LATENCY ? 1e-3 : bad(text);
            case "%" -> o == Objective.ACCURACY ? 1 : bad(text);
            default -> bad(text);
        };
        boolean atMost = m.group(2).equals("<=");
        if (o.maximized() == atMost) {
            throw new UserException("constraint '" + text + "' bounds " + o.label() + " from the side that needs no bound; use "
                    + (o.maximized() ? o.label() + ">=VALUE" : o.label() + "<=VALUE"));
        }
        return new Constraint(o, atMost, v * scale);
    }

    private static double bad(String text) {
        throw new UserException("constraint '" + text + "' has a unit that does not fit; latency takes us, ms or s, "
                + "macs and params take k, M or G, size takes kB or MB, accuracy takes %");
    }

    /** @return how far the evaluation is outside the bound, relative to it (0 when inside) */
    public double violation(Evaluation e) {
        double v = e.value(objective);
        double over = atMost ? v - limit : limit - v;
        return Math.max(0, over) / Math.max(Math.abs(limit), 1e-12);
    }

    @Override
    public String toString() {
        return objective.label() + (atMost ? "<=" : ">=") + limit + objective.unit();
    }
}
