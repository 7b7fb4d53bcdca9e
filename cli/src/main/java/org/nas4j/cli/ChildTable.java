package org.nas4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;

/** Prints children as a table: label, accuracy, MMACs, params, arch. */
final class ChildTable {

    /** One child's figures. */
    record Row(String label, Arch arch, double accuracy, Cost cost) {}

    private ChildTable() {}

    static void print(PrintStream out, String accuracyTitle, List<Row> rows) {
        out.printf(Locale.ROOT, "%-10s %10s %8s %9s  %s%n", "child", accuracyTitle, "MMACs", "params", "arch");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-10s %9.2f%% %8.2f %9d  %s%n", r.label(), 100 * r.accuracy(), r.cost().mmacs(),
                    r.cost().params(), r.arch().id());
        }
    }
}
