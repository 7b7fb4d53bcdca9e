package org.nas4j.core.space;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.util.UserException;

/**
 * A bound on an {@link ArchLevel}, e.g. {@code class>=pswl}: unlike a limit on a measured cost, it
 * is known before an arch is evaluated, so a search never spends an evaluation on an arch outside
 * it ({@link SearchSpace#admitting}).
 *
 * @param level the property bounded
 * @param atLeast true for {@code >=}, false for {@code <=}
 * @param bound the index of the bounding level
 */
public record ArchRule(ArchLevel level, boolean atLeast, int bound) implements Predicate<Arch> {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z]+)\\s*(<=|>=)\\s*(\\S+)\\s*");

    /**
     * @param text e.g. {@code class>=pswl}
     * @param space the space whose levels it may name
     * @return the rule, or empty when the text does not name a level of the space (it may limit a cost)
     * @throws UserException if it names a level of the space but no value of it
     */
    public static Optional<ArchRule> parse(String text, SearchSpace space) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<ArchLevel> level = space.levels().stream().filter(l -> l.name().equals(m.group(1))).findFirst();
        if (level.isEmpty()) {
            return Optional.empty();
        }
        int bound = level.get().levels().indexOf(m.group(3));
        if (bound < 0) {
            throw new UserException("constraint '" + text + "': " + level.get().name() + " is one of "
                    + String.join(", ", level.get().levels()) + " (lowest first), e.g. " + level.get().name() + ">="
                    + level.get().levels().get(level.get().levels().size() / 2));
        }
        return Optional.of(new ArchRule(level.get(), m.group(2).equals(">="), bound));
    }

    @Override
    public boolean test(Arch arch) {
        int l = level.level().applyAsInt(arch);
        return atLeast ? l >= bound : l <= bound;
    }

    @Override
    public String toString() {
        return level.name() + (atLeast ? ">=" : "<=") + level.levels().get(bound);
    }
}
