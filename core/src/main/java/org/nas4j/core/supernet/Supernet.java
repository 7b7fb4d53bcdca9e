package org.nas4j.core.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.RoutedWeight;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;

/**
 * A weight-sharing network over a {@link SearchSpace}: a DJL block whose forward runs the child
 * last passed to {@link #activate}. DJL's containers do not pass per-call parameters to children,
 * so the choice travels by activation, not through {@code forward}; a supernet is therefore used by
 * one thread at a time.
 */
public abstract class Supernet extends AbstractElasticBlock {

    private Arch active;
    private List<RoutedWeight> routedWeights;

    /** @param version the block's parameter-format version */
    protected Supernet(byte version) {
        super(version);
    }

    /** @return the space whose archs this supernet runs */
    public abstract SearchSpace space();

    /**
     * @return the largest input {@code (1, C, H, W)}: the shape to initialize with; smaller
     *     resolutions are made by resizing
     */
    public abstract Shape inputShape();

    /**
     * @param arch an arch of the space
     * @return the input {@code (1, C, r, r)} this arch's static network takes; {@link #inputShape()}
     *     unless the space chooses the resolution
     */
    public Shape inputShape(Arch arch) {
        return inputShape();
    }

    /**
     * Pushes the arch's choices into every elastic block; until the next call, {@code forward}
     * runs this child. Inputs of another resolution are resized to the child's.
     *
     * @param arch an arch of {@link #space()}
     */
    public final void activate(Arch arch) {
        if (!space().contains(arch)) {
            throw new IllegalArgumentException("arch " + arch + " is not in space " + space().name());
        }
        applyChoices(arch);
        route(arch);
        active = arch;
    }

    /** Tells every Mixture-of-Supernets router in the network which arch it mixes weights for. */
    private void route(Arch arch) {
        if (routedWeights == null) {
            routedWeights = new ArrayList<>();
            collectRouted(this, routedWeights);
        }
        if (routedWeights.isEmpty()) {
            return;
        }
        float[] encoding = space().encode(arch);
        routedWeights.forEach(r -> r.setEncoding(encoding));
    }

    private static void collectRouted(Block block, List<RoutedWeight> into) {
        for (Block child : block.getChildren().values()) {
            if (child instanceof RoutedWeight r) {
                into.add(r);
            }
            collectRouted(child, into);
        }
    }

    /** @return the child that {@code forward} runs now */
    public Arch active() {
        return active;
    }

    /**
     * Tells schedules inside the network (NASNet's ScheduledDropPath) how far training is; the
     * trainer calls it before each step. Nothing by default.
     *
     * @param progress steps done / all steps, in [0, 1)
     */
    public void setTrainingProgress(double progress) {}

    /**
     * Straight-through gates (ShiftNAS's architecture generator): per dimension a row over its
     * choices that equals the active child's one-hot in value but carries the generator's gradient.
     * The forward pass multiplies what each choice controls by its gate (a value of 1), so the task
     * loss reaches the generator through the choices. Set after {@link #activate}, for one forward
     * pass; null removes them.
     *
     * @param oneHots a row {@code (choices)} per dimension of the space, or null
     * @throws UnsupportedOperationException for a space without elastic blocks to gate
     */
    public void gate(Map<String, NDArray> oneHots) {
        throw new UnsupportedOperationException("the choices of space " + space().name() + " cannot be gated");
    }

    /** @return whether {@link #gate} is supported */
    public boolean gateable() {
        return false;
    }

    /**
     * Sets every elastic block for this arch.
     *
     * @param arch an arch of the space
     */
    protected abstract void applyChoices(Arch arch);

    /**
     * Builds the static network of the active child from standard DJL blocks, queueing the copies
     * of its weights.
     *
     * @param copier collects the weight copies
     * @return the static block, not initialized
     */
    protected abstract Block buildStatic(WeightCopier copier);

    /**
     * @param arch an arch of the space
     * @return its MACs and parameters, computed analytically
     */
    public abstract Cost cost(Arch arch);

    /**
     * The weights that belong to one dimension's operations alone, so that they differ with its
     * value: GM-NAS compares the gradients its values induce on every other weight. None by default
     * (a dimension such as the input resolution owns no weights).
     *
     * @param dimension a dimension of the space
     * @return those parameters
     */
    public List<Parameter> ownWeights(String dimension) {
        space().dimension(dimension);
        return List.of();
    }

    /** @return every parameter of the blocks, in order */
    protected static List<Parameter> weightsOf(List<? extends Block> blocks) {
        List<Parameter> out = new ArrayList<>();
        blocks.forEach(b -> out.addAll(b.getParameters().values()));
        return out;
    }

    /** Initializes every parameter at its maximal shape. @param manager the model's manager */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, inputShape());
    }

    /**
     * A static DJL block of the child with its weights copied out of the supernet (BN statistics
     * included, so recalibrate first). It runs on its own, without this supernet.
     *
     * @param arch the child
     * @param manager owns the static block's parameters
     * @return the initialized static block
     */
    public Block extract(Arch arch, NDManager manager) {
        activate(arch);
        WeightCopier copier = new WeightCopier();
        Block block = buildStatic(copier);
        block.initialize(manager, DataType.FLOAT32, inputShape(arch));
        copier.apply();
        return block;
    }

    /**
     * The static network of a child without parameters: the structure that a saved child's weights
     * load into. It neither reads nor needs this supernet's weights (they may be uninitialized).
     *
     * @param arch the child
     * @return the static block, not initialized
     */
    public Block structure(Arch arch) {
        activate(arch);
        return buildStatic(new WeightCopier());
    }
}
