package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.space.Dimension;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "List the registered search spaces with their dimensions and sizes")
final class SpacesCommand implements Command {

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() {
        for (SpaceRegistry.Entry e : SpaceRegistry.all()) {
            System.out.printf("%s  %s%n", e.name(), e.description());
            String input = e.translates() ? "words (--data freedict)" : e.readsGraphs() ? "graphs"
                    : e.inputShape()[0] + "x" + e.inputShape()[1] + "x" + e.inputShape()[2];
            System.out.printf("  input %s, %s archs, e.g. smallest %s%n", input, e.space().size(), e.space().smallest().id());
            if (e.readsGraphs()) {
                System.out.println("  SWL class of an arch: 1-WL without subgraphs (enc none); SSWL with vL or vu; else GSWL"
                        + " with vG; else PSWL(pool) with vv; else SWL(pool); uu and uG add nothing (eval prints it)");
            }
            e.space().levels().forEach(l -> System.out.printf("  level %s: %s, lowest first (search --constraint %s>=%s)%n",
                    l.name(), String.join(" < ", l.levels()), l.name(), l.levels().get(l.levels().size() / 2)));
            StringBuilder seen = new StringBuilder();
            for (Dimension d : e.space().dimensions()) {
                String kind = d.name().replaceAll("\\d+", "#");
                if (seen.indexOf("|" + kind + "|") >= 0) {
                    continue;
                }
                seen.append('|').append(kind).append('|');
                List<Dimension> group = e.space().dimensions().stream()
                        .filter(x -> x.name().replaceAll("\\d+", "#").equals(kind)).toList();
                Dimension widest = group.stream().max(Comparator.comparingInt(Dimension::size)).orElseThrow();
                // a cell's later blocks have more inputs to choose from
                String choices = widest.size() == d.size() ? d.choices().toString() : d.choices() + " .. " + widest.choices();
                System.out.printf("  %-10s %s %s%s%n", kind, d.kind().name().toLowerCase(Locale.ROOT),
                        choices, group.size() > 1 ? " (x" + group.size() + ")" : "");
            }
        }
        return 0;
    }
}
