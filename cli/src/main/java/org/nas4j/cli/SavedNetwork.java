package org.nas4j.cli;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import org.nas4j.core.util.UserException;

/** Loads a network that nas4j exported for itself (a translator, a graph network) into DJL's Model. */
final class SavedNetwork {

    private SavedNetwork() {}

    /**
     * @param dir the model directory
     * @param name its parameter file's prefix
     * @param structure the network without weights, from its card
     * @param what what it is, for the message, e.g. {@code translator}
     * @return the model, weights loaded; the caller closes it
     * @throws UserException if its files are missing or corrupt
     */
    static Model load(Path dir, String name, Block structure, String what) {
        Model model = Model.newInstance(name, "PyTorch");
        try {
            model.setBlock(structure);
            model.load(dir, name);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UserException("cannot load the " + what + " in " + dir + " (" + why + "); export it again");
        }
    }
}
