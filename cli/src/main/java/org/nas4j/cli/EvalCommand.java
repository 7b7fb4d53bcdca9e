package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.IOException;
import java.util.List;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.ImageBatches;

@Parameters(commandDescription = "Recalibrate BN for a child of a trained supernet and report its accuracy, MACs, params")
final class EvalCommand implements Command {

    @ParametersDelegate
    ChildOptions child = new ChildOptions();

    @Parameter(names = "--split", description = "test or validation")
    String split = "test";

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if (!split.equals("test") && !split.equals("validation")) {
            throw new UserException("--split must be test or validation, not '" + split + "'");
        }
        RunDirectory dir = new RunDirectory(child.run);
        try (Workbench wb = Workbench.open(dir.read())) {
            Arch a = child.resolve(wb);
            int sub = wb.loadWeightsFor(dir, a);
            if (sub != 0) {
                System.out.println("scored by sub-supernet " + sub);
            }
            ChildEvaluator eval = wb.evaluator();
            ImageBatches data = split.equals("test") ? wb.test() : wb.validation();
            double acc = eval.accuracy(a, data, wb.manager);
            ChildTable.print(System.out, split + " acc",
                    List.of(new ChildTable.Row(child.arch.length() > 10 ? "child" : child.arch, a, acc, wb.net.cost(a))));
        }
        return 0;
    }
}
