package org.nas4j.cli;

import com.beust.jcommander.Parameters;
import org.nas4j.core.space.Dimension;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "List the registered search spaces with their dimensions and sizes")
final class SpacesCommand implements Command {

    @Override
    public int run() {
        for (SpaceRegistry.Entry e : SpaceRegistry.all()) {
            System.out.printf("%s  %s%n", e.name(), e.description());
            System.out.printf("  input %dx%dx%d, %s archs, e.g. smallest %s%n",
                    e.inputShape()[0], e.inputShape()[1], e.inputShape()[2], e.space().size(), e.space().smallest().id());
            StringBuilder seen = new StringBuilder();
            for (Dimension d : e.space().dimensions()) {
                String kind = d.name().replaceAll("\\d+", "#");
                if (seen.indexOf("|" + kind + "|") >= 0) {
                    continue;
                }
                seen.append('|').append(kind).append('|');
                long count = e.space().dimensions().stream()
                        .filter(x -> x.name().replaceAll("\\d+", "#").equals(kind)).count();
                System.out.printf("  %-10s %s %s%s%n", kind, d.kind().name().toLowerCase(java.util.Locale.ROOT),
                        d.choices(), count > 1 ? " (x" + count + ")" : "");
            }
        }
        return 0;
    }
}
