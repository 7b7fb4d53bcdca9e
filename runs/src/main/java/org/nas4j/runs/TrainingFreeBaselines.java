package org.nas4j.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nas4j.algorithms.ranking.ZeroCostProxies;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.Datasets;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.LabelledData;
import org.nas4j.spaces.SpaceRegistry;

/**
 * Scores archs without training: parameter count, MACs, and the zero-cost proxies SynFlow and
 * NASWOT, each on a supernet freshly initialized with the seed (NASWOT on one batch of 64 training
 * images).
 */
public final class TrainingFreeBaselines {

    /** NASWOT's batch (the authors use 128 on CIFAR; 64 keeps its kernel matrix well inside float range). */
    private static final int BATCH = 64;

    private final SpaceRegistry.Entry entry;
    private final String data;
    private final long seed;

    /**
     * @param space the truth's space
     * @param data the truth's data (NASWOT scores one batch of it)
     * @param seed of the networks' initialization and the batch
     */
    public TrainingFreeBaselines(String space, String data, long seed) {
        this.entry = SpaceRegistry.get(space);
        this.data = data;
        this.seed = seed;
        if (entry.translates() || entry.readsGraphs()) {
            throw new UserException("training-free baselines are for image spaces, not " + space);
        }
    }

    /**
     * @param names which baselines
     * @param archIds the archs, in order
     * @return each baseline's scores, in the archs' order (higher: predicted better)
     */
    public Map<String, double[]> score(List<String> names, List<String> archIds) {
        SearchSpace space = entry.space();
        List<Arch> archs = archIds.stream().map(space::parse).toList();
        Map<String, double[]> out = new LinkedHashMap<>();
        LabelledData d = Datasets.open(data, (int) entry.inputShape()[0], (int) entry.inputShape()[1]);
        int classes = d.train().classes().size();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String name : names) {
                Supernet net = fresh(classes, manager);
                ParameterStore ps = new ParameterStore(manager, false);
                ToDoubleFunction<Arch> f = switch (name) {
                    case "params" -> a -> net.cost(a).params();
                    case "macs" -> a -> net.cost(a).macs();
                    case "synflow" -> {
                        ZeroCostProxies.linearize(net);
                        yield a -> ZeroCostProxies.synflow(net, a, ps, manager);
                    }
                    case "naswot" -> {
                        NDArray batch = batch(d, manager);
                        yield a -> ZeroCostProxies.naswot(net, a, batch, ps);
                    }
                    default -> throw new UserException("unknown baseline '" + name + "'; choose params, macs, synflow or naswot");
                };
                out.put(name, archs.stream().mapToDouble(f).toArray());
            }
        }
        return out;
    }

    private Supernet fresh(int classes, NDManager manager) {
        manager.getEngine().setRandomSeed((int) Seeds.derive(seed, "baseline-init", 0));
        Supernet net = entry.newSupernet(classes);
        net.initialize(manager);
        return net;
    }

    private NDArray batch(LabelledData d, NDManager manager) {
        long[] want = entry.inputShape();
        long[] have = {d.train().channels(), d.train().height(), d.train().width()};
        if (!Arrays.equals(want, have)) {
            throw new UserException("space " + entry.name() + " takes " + Arrays.toString(want) + " images but "
                    + d.name() + " has " + Arrays.toString(have) + ": pass the truth's --data");
        }
        ImageBatches train = new ImageBatches(d.train(), d.normalization());
        int[] order = ImageBatches.shuffled(d.train().size(), Seeds.derive(seed, "baseline-batch", 0));
        return train.images(manager, Arrays.copyOf(order, Math.min(BATCH, order.length)), Augmentation.NONE, null);
    }
}
