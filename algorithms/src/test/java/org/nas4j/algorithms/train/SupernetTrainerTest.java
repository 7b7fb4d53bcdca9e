package org.nas4j.algorithms.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.google.gson.JsonObject;
import java.util.function.Function;
import org.nas4j.algorithms.sampling.SandwichSampler;
import org.nas4j.algorithms.sampling.ShiftSampler;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;
import org.nas4j.algorithms.sampling.UniformSampler;
import org.nas4j.core.testing.ToySupernet;
import org.nas4j.datasets.ImageBatches;

class SupernetTrainerTest {

    @TempDir
    Path dir;

    private static final SupernetTrainer.Listener QUIET = (step, total, loss, lr) -> {};

    private static List<float[]> weights(ToySupernet net) {
        List<float[]> w = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            w.add(p.getValue().getArray().toFloatArray());
        }
        return w;
    }

    /** @return the sampler with its state saved but never restored */
    private static ArchSampler forgetful(ArchSampler inner) {
        return new ArchSampler() {
            @Override
            public StepPlan plan(SearchSpace space, RandomGenerator rng) {
                return inner.plan(space, rng);
            }

            @Override
            public StepPlan plan(SearchSpace space, RandomGenerator rng, StepProbe probe) {
                return inner.plan(space, rng, probe);
            }

            @Override
            public JsonObject state() {
                return inner.state();
            }
        };
    }

    private List<float[]> train(Path ckpt, TrainConfig config, boolean resume, long stopAfter, int initSeed) {
        return train(ckpt, config, resume, stopAfter, initSeed, net -> new SandwichSampler(1));
    }

    private List<float[]> train(Path ckpt, TrainConfig config, boolean resume, long stopAfter, int initSeed,
            Function<ToySupernet, ArchSampler> sampler) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(initSeed);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            SupernetTrainer t = new SupernetTrainer(net, TrainingData.images(TinyData.batches(40, 1), config, true), config,
                    sampler.apply(net), ckpt, TrainingData.heldOut(TinyData.batches(20, 2)));
            t.train(m, resume, stopAfter, QUIET);
            return weights(net);
        }
    }

    /**
     * ShiftNAS's bin distribution learns during training (here from step 2, every 2 steps): it is
     * saved with the checkpoint, so a run killed at step 11 and resumed from step 10 draws the same
     * children as a run never stopped and ends with the same weights.
     */
    @Test
    void aKilledShiftNasRunResumesWithItsLearnedDistribution() {
        TrainConfig config = TinyData.config(3, 8, 4);
        Function<ToySupernet, ArchSampler> shift = net -> new ShiftSampler(2, a -> net.cost(a).macs(),
                new ShiftSampler.Schedule(2, 0.1, 0.5));
        List<float[]> straight = train(dir.resolve("a.ckpt"), config, false, -1, 5, shift);
        train(dir.resolve("b.ckpt"), config, false, 11, 5, shift);
        List<float[]> resumed = train(dir.resolve("b.ckpt"), config, true, -1, 99, shift);
        for (int i = 0; i < straight.size(); i++) {
            assertArrayEquals(straight.get(i), resumed.get(i), 1e-6f, "parameter " + i);
        }
        // without its state the resumed sampler starts uniform again and trains other children
        train(dir.resolve("c.ckpt"), config, false, 11, 5, shift);
        List<float[]> forgetful = train(dir.resolve("c.ckpt"), config, true, -1, 99, net -> forgetful(shift.apply(net)));
        assertTrue(differs(straight, forgetful), "the sampler's state changes what is trained after the resume");
    }

    @Test
    void killedAndResumedRunEndsWithTheSameWeights() {
        TrainConfig config = TinyData.config(3, 8, 4);
        List<float[]> straight = train(dir.resolve("a.ckpt"), config, false, -1, 5);
        // stop after step 11: the last checkpoint is step 10 (epoch end), so step 11 is lost and redone
        train(dir.resolve("b.ckpt"), config, false, 11, 5);
        // a resumed process starts from different random init: the checkpoint must override it all
        List<float[]> resumed = train(dir.resolve("b.ckpt"), config, true, -1, 99);
        assertEquals(straight.size(), resumed.size());
        for (int i = 0; i < straight.size(); i++) {
            float[] a = straight.get(i);
            float[] b = resumed.get(i);
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], b[j], 1e-6f, "parameter " + i + " entry " + j);
            }
        }
        List<float[]> fresh = train(dir.resolve("c.ckpt"), config, false, -1, 99);
        assertTrue(differs(straight, fresh), "another init gives other weights (the test can fail)");
    }

    /**
     * With averageLast 0.5 over 4 epochs, the run ends with the mean of its weights at the ends of
     * epochs 3 and 4, which a plain run of the same seed passes through; killed inside epoch 4 after
     * the mean was saved, and resumed, it ends with the same mean (epoch 3 counted once).
     */
    @Test
    void averagingEndsWithTheMeanOfTheLastEpochsWeightsAndResumesExactly() {
        TrainConfig plain = TinyData.config(4, 8, 100);
        List<List<float[]>> atEpochEnds = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            new SupernetTrainer(net, TrainingData.images(TinyData.batches(40, 1), plain, true), plain, new SandwichSampler(1),
                    dir.resolve("plain.ckpt")).train(m, false, -1, new SupernetTrainer.Listener() {
                        @Override
                        public void onStep(long step, long total, float loss, double learningRate) {}

                        @Override
                        public void onEpoch(int epoch, double meanLoss, int skipped) {
                            atEpochEnds.add(weights(net));
                        }
                    });
        }
        TrainConfig averaged = plain.toBuilder().averageLast(0.5f).build();
        assertEquals(3, averaged.firstAveragedEpoch());
        List<float[]> mean = train(dir.resolve("avg.ckpt"), averaged, false, -1, 5);
        for (int i = 0; i < mean.size(); i++) {
            for (int j = 0; j < mean.get(i).length; j++) {
                float expected = (atEpochEnds.get(2).get(i)[j] + atEpochEnds.get(3).get(i)[j]) / 2;
                assertEquals(expected, mean.get(i)[j], 1e-5f, "parameter " + i + " entry " + j);
            }
        }
        assertTrue(differs(mean, atEpochEnds.get(3)), "the mean is not the last weights (the test can fail)");
        // 5 steps an epoch: stop inside epoch 4, after the mean of epoch 3 was saved, then resume
        train(dir.resolve("killed.ckpt"), averaged, false, 17, 5);
        List<float[]> resumed = train(dir.resolve("killed.ckpt"), averaged, true, -1, 99);
        for (int i = 0; i < mean.size(); i++) {
            assertArrayEquals(mean.get(i), resumed.get(i), 1e-6f, "parameter " + i);
        }
    }

    private static boolean differs(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                if (Math.abs(a.get(i)[j] - b.get(i)[j]) > 1e-4) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void modelManagerArrayCountStaysConstantOver200Steps() {
        try (NDManager m = NDManager.newBaseManager()) {
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            ImageBatches data = TinyData.batches(16, 2);
            TrainConfig config = TinyData.config(100, 8, 1000);
            SupernetTrainer t = new SupernetTrainer(net, TrainingData.images(data, config, true), config, new SandwichSampler(2), dir.resolve("m.ckpt"));
            int[] counts = new int[2];
            t.train(m, false, 200, (step, total, loss, lr) -> {
                if (step == 2) {
                    counts[0] = m.getManagedArrays().size();
                }
                if (step == 200) {
                    counts[1] = m.getManagedArrays().size();
                }
            });
            assertTrue(counts[0] > 0);
            assertEquals(counts[0], counts[1], "arrays held by the model's manager after step 2 vs step 200");
        }
    }

    @Test
    void trainingLowersTheLossOfEveryChildKind() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            List<Float> losses = new ArrayList<>();
            TrainConfig config = TinyData.config(6, 16, 1000);
            new SupernetTrainer(net, TrainingData.images(TinyData.batches(64, 3), config, false), config, new UniformSampler(),
                    dir.resolve("u.ckpt")).train(m, false, -1, (step, total, loss, lr) -> losses.add(loss));
            double first = losses.subList(0, 4).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
            double last = losses.subList(losses.size() - 4, losses.size()).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
            assertTrue(last < first * 0.8, "loss " + first + " -> " + last);
        }
    }

    /**
     * Landmark regularization: told that the smallest child, trained alone, beats the largest, the
     * supernet orders the two that way on the training images, where the same run without landmarks
     * (same seed, same children) puts the largest first.
     */
    @Test
    void landmarksTeachTheSupernetTheirOrder() {
        TrainConfig config = TinyData.config(8, 16, 1000);
        LandmarkRanking smallestFirst = new LandmarkRanking(ToySupernet.SPACE,
                Map.of(ToySupernet.SPACE.smallest().id(), 90.0, ToySupernet.SPACE.largest().id(), 80.0), 5f);
        double plain = smallestMinusLargestLoss(config, null);
        double taught = smallestMinusLargestLoss(config, smallestFirst);
        assertTrue(plain > 0, "without landmarks the largest child has the lower loss: " + plain);
        assertTrue(taught < 0, "with them the smallest has: " + taught + " (without: " + plain + ")");
    }

    /** @return the smallest child's loss minus the largest's, on all training images, after training */
    private double smallestMinusLargestLoss(TrainConfig config, LandmarkRanking landmarks) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            TrainingData data = TrainingData.images(TinyData.batches(64, 3), config, false);
            new SupernetTrainer(net, data, config, new UniformSampler(), dir.resolve(landmarks + ".ckpt"), null, landmarks)
                    .train(m, false, -1, QUIET);
            TrainingStep measure = new TrainingStep(net, new ParameterStore(m, false), null, 0f);
            try (NDManager sm = m.newSubManager()) {
                int[] all = IntStream.range(0, data.size()).toArray();
                NDList x = data.inputs(sm, all, new SplittableRandom(0));
                NDArray y = data.labels(sm, all);
                return measure.loss(x, y, ToySupernet.SPACE.smallest()) - measure.loss(x, y, ToySupernet.SPACE.largest());
            }
        }
    }
}
