package org.nas4j.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.export.BatchNormFolding;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.UserException;

class LatencyTableTest {

    @TempDir
    Path tmp;

    @Test
    void layersAreSharedByIdentityAndALayerNeverTimedIsReported() throws Exception {
        SpaceRegistry.Entry entry = SpaceRegistry.get("ofa-mbv3-fmnist");
        SearchSpace space = entry.space();
        Supernet net = entry.newSupernet(10);
        // the largest child with one kernel changed: every layer but one block is shared
        Arch max = space.largest();
        Arch changed = space.parse(max.id().replaceFirst("_s2:k7e6", "_s2:k3e6"));
        try (NDManager m = NDManager.newBaseManager()) {
            List<LatencyTable.Layer> a = layers(net, max, m);
            List<LatencyTable.Layer> b = layers(net, changed, m);
            assertEquals(a.size(), b.size());
            int differing = 0;
            for (int i = 0; i < a.size(); i++) {
                differing += a.get(i).signature().equals(b.get(i).signature()) ? 0 : 1;
            }
            assertEquals(1, differing, "only the changed block differs");
            assertNotEquals(a.get(0).signature(), a.get(1).signature());

            LatencyTable table = new LatencyTable(space.name(), "test", 1);
            Block child = child(net, max, m);
            Shape input = net.inputShape(max);
            for (LatencyTable.Layer l : LatencyTable.layers(child, input)) {
                if (!table.has(l.signature())) {
                    table.profile(l, m, 0, 1);
                }
            }
            assertTrue(table.size() < a.size(), "the repeated blocks of a stage are timed once: " + table.size());
            double sum = table.sum(child, input);
            assertTrue(sum > 0);
            table.calibrate(2, 0.5, Map.of("mape", 1.0));
            assertEquals(2 * sum + 0.5, table.predict(child, input), 1e-9);
            table.save(tmp.resolve("t.json"));
            assertEquals(2 * sum + 0.5, LatencyTable.load(tmp.resolve("t.json")).predict(child, input), 1e-9);
            UserException e = assertThrows(UserException.class, () -> table.sum(child(net, changed, m), input));
            assertTrue(e.getMessage().contains("nas4j profile --space ofa-mbv3-fmnist"), e.getMessage());
        }
    }

    private static List<LatencyTable.Layer> layers(Supernet net, Arch a, NDManager m) {
        return LatencyTable.layers(child(net, a, m), net.inputShape(a));
    }

    private static Block child(Supernet net, Arch a, NDManager m) {
        Block child = BatchNormFolding.fold(net.structure(a), new WeightCopier());
        child.initialize(m, DataType.FLOAT32, net.inputShape(a));
        return child;
    }
}
