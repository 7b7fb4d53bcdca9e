package org.nas4j.algorithms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.StepPlan;
import org.nas4j.datasets.graph.FeaturedGraph;
import org.nas4j.datasets.graph.Graph;
import org.nas4j.datasets.graph.RandomGraphs;
import org.nas4j.datasets.graph.Substructure;
import org.nas4j.spaces.sgnn.GraphBatch;
import org.nas4j.spaces.sgnn.SgnnConfig;
import org.nas4j.spaces.sgnn.SgnnSupernet;

/** Float labels make a training step regress: L1 against the labels, and against the largest child's predictions. */
class RegressionStepTest {

    @Test
    void theFirstChildsLossIsItsMeanAbsoluteErrorAndTheSandwichLearnsACount() {
        SgnnConfig config = new SgnnConfig("sgnn-step", List.of(1), 1, List.of(1, 2), List.of(8, 16), 3, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            SgnnSupernet net = new SgnnSupernet(config, 1);
            net.initialize(m);
            List<FeaturedGraph> graphs = new ArrayList<>();
            float[] triangles = new float[12];
            for (int i = 0; i < triangles.length; i++) {
                Graph g = RandomGraphs.erdosRenyi(7 + i % 3, 0.45, i);
                graphs.add(FeaturedGraph.unlabelled(g));
                triangles[i] = Substructure.TRIANGLE.count(g) / 5f;
            }
            NDList x = GraphBatch.of(m, graphs);
            NDArray y = m.create(triangles, new Shape(triangles.length, 1));
            TrainConfig c = TrainConfig.defaults("sandwich", 1).toBuilder().optimizer("adam").learningRate(0.01f).weightDecay(0)
                    .build();
            ParameterStore ps = new ParameterStore(m, false);
            TrainingStep step = new TrainingStep(net, ps, SupernetOptimizer.of(net.getParameters(), m, c), c.labelSmoothing());
            SearchSpace space = net.space();
            StepPlan plan = new StepPlan(List.of(space.largest(), space.smallest(), space.parse("mark:uL+vv:vs:d1:w8")), true);
            net.activate(space.largest());
            float expected = net.forward(ps, x, true).singletonOrThrow().sub(y).abs().mean().getFloat();
            float first = step.run(x, y, plan, 0.01).loss();
            assertEquals(expected, first, 1e-5f);
            float last = first;
            for (int i = 0; i < 60; i++) {
                last = step.run(x, y, plan, 0.01).loss();
            }
            assertTrue(last < 0.3f * first, "L1 " + first + " -> " + last);
            // the smaller children learned from the largest's predictions, so they moved toward the counts too
            assertTrue(step.loss(x, y, space.smallest()) < first, "smallest child " + step.loss(x, y, space.smallest()));
        }
    }
}
