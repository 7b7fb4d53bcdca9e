package org.nas4j.core.export;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.function.UnaryOperator;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;

/** The network that is served for a child: extracted, batch norms folded, weights copied in. */
public final class StaticChild {

    private StaticChild() {}

    /**
     * @param net the supernet, its BN statistics recalibrated for the child
     * @param arch the child
     * @param wrap what goes around the child (e.g. input normalization), or the identity
     * @param input the input shape to initialize for
     * @param manager owns the static network's weights
     * @return the initialized static network
     */
    public static Block build(Supernet net, Arch arch, UnaryOperator<Block> wrap, Shape input, NDManager manager) {
        WeightCopier folded = new WeightCopier();
        Block block = wrap.apply(BatchNormFolding.fold(net.extract(arch, manager), folded));
        block.initialize(manager, DataType.FLOAT32, input);
        folded.apply();
        return block;
    }
}
