package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.translate.TranslationMetrics;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.runs.GraphTask;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.TranslationTask;
import org.nas4j.spaces.sgnn.SgnnArch;

@Parameters(commandDescription = "Score a child of a trained supernet (image runs: BN recalibrated, top-1 accuracy;"
        + " translation runs: greedy translations' exact match, character error rate and BLEU; graph runs: BN recalibrated,"
        + " mean absolute error and SWL class), with its MACs and params")
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
        try (Run wb = Run.open(dir.read())) {
            Arch a = child.resolve(wb);
            int sub = wb.loadWeightsFor(dir, a);
            if (sub != 0) {
                System.out.println("scored by sub-supernet " + sub);
            }
            if (wb.task() instanceof TranslationTask words) {
                printTranslation(wb, words, a);
                return 0;
            }
            if (wb.task() instanceof GraphTask graphs) {
                printGraphs(wb, graphs, a);
                return 0;
            }
            ChildEvaluator eval = wb.evaluator();
            ImageBatches data = split.equals("test") ? wb.images().test() : wb.images().validation();
            double acc = eval.accuracy(a, data, wb.manager());
            ChildTable.print(System.out, split + " acc",
                    List.of(new ChildTable.Row(child.arch.length() > 10 ? "child" : child.arch, a, acc, wb.net().cost(a))));
        }
        return 0;
    }

    private void printGraphs(Run wb, GraphTask graphs, Arch a) {
        List<GraphData.Sample> samples = split.equals("test") ? graphs.data().test() : graphs.data().validation();
        graphs.recalibrate(wb.net(), a, wb.manager(), Run.RECALIBRATION_IMAGES, wb.spec().train().seed());
        long start = System.nanoTime();
        double mae = graphs.meanAbsoluteError(wb.net(), wb.manager(), samples);
        double seconds = (System.nanoTime() - start) / 1e9;
        Cost cost = wb.net().cost(a);
        System.out.printf(Locale.ROOT, "%s graphs: %d, MAE %.4g (%.4g training deviations), class %s%n%.3f MMACs per graph of"
                + " the data's mean size, %d params, %.0f graphs/s scored (batches of %d, batch tables built included):"
                + " %s%n", split, samples.size(), mae, mae / graphs.scale(), SgnnArch.of(a).swlClass().label(), cost.mmacs(),
                cost.params(), samples.size() / seconds, GraphTask.EVAL_BATCH, a.id());
    }

    private void printTranslation(Run wb, TranslationTask words, Arch a) {
        List<WordPair> pairs = split.equals("test") ? words.words().test() : words.words().validation();
        TranslationMetrics m = words.metrics(wb.net(), wb.manager(), a, pairs);
        Cost cost = wb.net().cost(a);
        System.out.printf(Locale.ROOT, "%s words: %d, exact match %.2f%%, character error rate %.2f%%, character BLEU %.2f%%"
                + "%n%.2f MMACs, %d params: %s%n", split, pairs.size(), 100 * m.exactMatch(), 100 * m.characterErrorRate(),
                100 * m.bleu(), cost.mmacs(), cost.params(), a.id());
    }
}
