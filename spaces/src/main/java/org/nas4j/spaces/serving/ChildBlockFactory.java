package org.nas4j.spaces.serving;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds an exported child's network from its model directory's {@code arch.json}, for DJL's
 * loader: {@code serving.properties} names this class as the {@code blockFactory}, and DJL then
 * loads the saved weights into the block.
 */
public final class ChildBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) {
        Path dir = Files.isDirectory(modelPath) ? modelPath : modelPath.getParent();
        return ModelCard.read(dir).structure();
    }
}
