package org.nas4j.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.StaticCost;
import org.nas4j.core.supernet.Supernet;

/** The supernet contract, checked for every registered space the moment it is registered. */
public class RegisteredSpacesTest {

    public static Stream<Arguments> children() {
        List<Arguments> out = new ArrayList<>();
        for (SpaceRegistry.Entry e : SpaceRegistry.all()) {
            if (e.translates() || e.readsGraphs()) {
                continue; // TransformerSupernetTest and SgnnSupernetTest check extraction on their inputs
            }
            SplittableRandom rng = new SplittableRandom(7);
            out.add(Arguments.of(e.name(), e.space().smallest().id(), "none"));
            out.add(Arguments.of(e.name(), e.space().largest().id(), "none"));
            out.add(Arguments.of(e.name(), e.space().sample(rng).id(), "none"));
            if (e.routable()) {
                for (String mixture : new String[] {"layer", "neuron"}) {
                    out.add(Arguments.of(e.name(), e.space().sample(rng).id(), mixture));
                }
            }
        }
        return out.stream();
    }

    /** With a routed mixture the extracted child bakes in the generated weights: no router at inference. */
    @ParameterizedTest(name = "{0} {1} mixture {2}")
    @MethodSource("children")
    void extractedChildEqualsActivatedSupernet(String spaceName, String archId, String mixture) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(spaceName);
        Arch arch = entry.space().parse(archId);
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            Supernet net = entry.newSupernet(10, Mixture.parse(mixture, 2));
            net.initialize(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            // move BN statistics and gammas away from their initial values so the copy matters
            BatchNormRecalibration.recalibrate(
                    net, arch, ps, manager, 2,
                    (m, i) -> new NDList(m.randomNormal(shapeOf(net, 4))));
            Block child = net.extract(arch, manager);
            Shape in = net.inputShape(arch);
            NDArray x = manager.randomNormal(new Shape(3, in.get(1), in.get(2), in.get(3)));
            net.activate(arch);
            NDArray fromSupernet = net.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray fromChild = child.forward(ps, new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(3, 10), fromChild.getShape());
            float diff = fromSupernet.sub(fromChild).abs().max().getFloat();
            assertTrue(diff < 1e-4f, "max |supernet - extracted| = " + diff);

            Cost analytic = net.cost(arch);
            Cost counted = StaticCost.count(child, in);
            assertEquals(counted, analytic, "analytic cost vs count of the extracted block");
        }
    }

    private static Shape shapeOf(Supernet net, long batch) {
        Shape s = net.inputShape();
        return new Shape(batch, s.get(1), s.get(2), s.get(3));
    }
}
