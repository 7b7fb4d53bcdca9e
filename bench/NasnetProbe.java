// Why the NASNet supernet does not learn under uniform sampling: trains it for a few epochs with
// children drawn in ways that hold parts of the genotype fixed, then prints the training loss, the
// loss and accuracy of 12 fresh children on one training batch (batch statistics), and the
// validation accuracy of 3 children (BN recalibrated, as a search scores them).
//
//   java -cp cli/target/nas4j-cli.jar bench/NasnetProbe.java SPACE DATA EPOCHS LR DRAW
//
// DRAW: uniform; pool:K (a fixed pool of K genotypes, the 3 scored children from the pool);
// fixops (every op sep_conv_3x3, inputs drawn); fixinputs (inputs of one fixed genotype, ops drawn);
// inputs01 (every op sep_conv_3x3, inputs only the two cell inputs); ops01 (ops drawn, inputs only
// the two cell inputs); fixnormal / fixreduction (one cell type fixed, the other drawn);
// ops:a,b,c (ops drawn from these only, inputs drawn).
// Environment: PER children per step (default 1), CLIP (default 5), OPT sgd|adam, WD (default 5e-4),
// EVERY steps between loss lines (default 50).
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.nas4j.algorithms.train.SupernetTrainer;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunSpec;

public class NasnetProbe {

    private static final Pattern SLOT = Pattern.compile("([a-z_0-9]+)~(\\d+)");

    public static void main(String[] args) throws Exception {
        String space = args[0];
        String data = args[1];
        int epochs = Integer.parseInt(args[2]);
        float lr = Float.parseFloat(args[3]);
        String draw = args[4];
        int per = Integer.parseInt(env("PER", "1"));
        int every = Integer.parseInt(env("EVERY", "50"));
        TrainConfig config = TrainConfig.cellDefaults(epochs).toBuilder().learningRate(lr).augmentPad(0).flip(false)
                .validationSize(5000).averageLast(0f).clipNorm(Float.parseFloat(env("CLIP", "5")))
                .optimizer(env("OPT", "sgd")).weightDecay(Float.parseFloat(env("WD", "5e-4"))).build();
        Path ckpt = Files.createTempFile("probe", ".ckpt");
        try (Run run = Run.open(new RunSpec(space, data, 0, config, null))) {
            SearchSpace s = run.net().space();
            Arch template = s.sample(new SplittableRandom(99));
            SplittableRandom rng = new SplittableRandom(7);
            List<Arch> pool = new ArrayList<>();
            if (draw.startsWith("pool:")) {
                for (int i = 0; i < Integer.parseInt(draw.substring(5)); i++) {
                    pool.add(s.sample(rng));
                }
            }
            ArchSampler sampler = (sp, r) -> {
                List<Arch> children = new ArrayList<>();
                while (children.size() < per) {
                    children.add(pool.isEmpty() ? draw(sp, draw, template, r) : pool.get(r.nextInt(pool.size())));
                }
                return new StepPlan(children, false);
            };
            TrainingData td = run.trainingData(config);
            double[] sum = {0};
            int[] n = {0};
            long t0 = System.nanoTime();
            new SupernetTrainer(run.net(), td, config, sampler, ckpt).train(run.manager(), false, -1, (step, total, loss, rate) -> {
                sum[0] += loss;
                n[0]++;
                if (step % every == 0) {
                    System.out.printf(Locale.ROOT, "step %d mean loss %.3f (%.0f s)%n", step, sum[0] / n[0], (System.nanoTime() - t0) / 1e9);
                    sum[0] = 0;
                    n[0] = 0;
                }
            });
            ParameterStore ps = new ParameterStore(run.manager(), false);
            int[] batch = java.util.stream.IntStream.range(0, 256).toArray();
            for (int i = 0; i < 12; i++) {
                Arch a = draw(s, pool.isEmpty() ? draw : "uniform", template, rng);
                try (NDManager sm = run.manager().newSubManager()) {
                    NDList x = td.inputs(sm, batch, new SplittableRandom(1));
                    NDArray y = td.labels(sm, batch).toType(DataType.INT64, false);
                    run.net().activate(a);
                    NDArray logits = run.net().forward(ps, x, true).singletonOrThrow();
                    float loss = -logits.logSoftmax(1).mul(y.oneHot(10)).sum().getFloat() / batch.length;
                    float acc = logits.argMax(1).toType(DataType.INT64, false).eq(y).sum().getLong() / (float) batch.length;
                    System.out.printf(Locale.ROOT, "child batch loss %.3f accuracy %.3f logit rms %.2f  %s%n", loss, acc,
                            logits.square().mean().sqrt().getFloat(), a.id());
                }
            }
            for (int i = 0; i < 3; i++) {
                Arch a = pool.isEmpty() ? draw(s, draw, template, rng) : pool.get(i % pool.size());
                System.out.printf(Locale.ROOT, "validation accuracy %.2f%%  %s%n", run.validationScore(a), a.id());
            }
        } finally {
            Files.deleteIfExists(ckpt);
        }
    }

    /** A child drawn as DRAW says. */
    private static Arch draw(SearchSpace s, String draw, Arch template, RandomGenerator rng) {
        Arch a = s.sample(rng);
        String id = a.id();
        String fixed = template.id();
        int cut = id.indexOf("R[");
        switch (draw) {
            case "uniform":
                return a;
            case "fixnormal":
                return s.parse(fixed.substring(0, cut) + id.substring(cut));
            case "fixreduction":
                return s.parse(id.substring(0, cut) + fixed.substring(cut));
            default:
                break;
        }
        String[] ops = draw.startsWith("ops:") ? draw.substring(4).split(",") : null;
        Matcher m = SLOT.matcher(id);
        Matcher t = SLOT.matcher(fixed);
        StringBuilder out = new StringBuilder();
        while (m.find() && t.find()) {
            String op = m.group(1);
            String in = m.group(2);
            switch (draw) {
                case "fixops" -> op = "sep_conv_3x3";
                case "fixinputs" -> in = t.group(2);
                case "inputs01" -> {
                    op = "sep_conv_3x3";
                    in = Integer.toString(rng.nextInt(2));
                }
                case "ops01" -> in = Integer.toString(rng.nextInt(2));
                default -> {
                    if (ops == null) {
                        throw new IllegalArgumentException("unknown DRAW " + draw);
                    }
                    op = ops[rng.nextInt(ops.length)];
                }
            }
            m.appendReplacement(out, op + "~" + in);
        }
        m.appendTail(out);
        return s.parse(out.toString());
    }

    private static String env(String key, String fallback) {
        return System.getenv().getOrDefault(key, fallback);
    }
}
