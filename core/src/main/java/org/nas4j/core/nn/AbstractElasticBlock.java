package org.nas4j.core.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * Base of nas4j's elastic blocks: every parameter has its fixed maximal shape from construction, so
 * children initialize without shape inference.
 */
public abstract class AbstractElasticBlock extends AbstractBlock {

    /** @param version the block's parameter-format version */
    protected AbstractElasticBlock(byte version) {
        super(version);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }
}
