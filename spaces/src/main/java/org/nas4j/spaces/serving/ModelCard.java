package org.nas4j.spaces.serving;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.core.export.BatchNormFolding;
import org.nas4j.core.nn.InputNormalization;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * What an exported model is — the {@code arch.json} of its directory: the space and arch that rebuild
 * its network, the classes it predicts and the input it takes. The network takes float images
 * {@code (N, channels, resolution, resolution)} with pixels in [0, 1] and applies {@code mean} /
 * {@code std} itself.
 *
 * @param format the file format, {@value #FORMAT}
 * @param name the model's name (its parameter file's prefix and zoo artifact id)
 * @param space the registered space
 * @param arch the child's arch string
 * @param channels input channels
 * @param resolution input height and width
 * @param classes class names, by output index
 * @param mean per-channel mean of [0, 1] pixels
 * @param std per-channel standard deviation
 */
public record ModelCard(
        String format,
        String name,
        String space,
        String arch,
        int channels,
        int resolution,
        List<String> classes,
        float[] mean,
        float[] std) {

    /** The file's format tag. */
    public static final String FORMAT = "nas4j-model/1";
    /** The file name inside a model directory. */
    public static final String FILE = "arch.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** @return the space's arch this card names (checked when the card was read or made) */
    public Arch parsedArch() {
        return SpaceRegistry.get(space).space().parse(arch);
    }

    /**
     * The exported network: input normalization, then the child.
     *
     * @param child the child's static network (with its batch norms folded)
     * @return the model's block, not initialized
     */
    public Block wrap(Block child) {
        return new SequentialBlock().add(new InputNormalization(mean, std)).add(child);
    }

    /** @return the exported network's structure, without weights: batch norms folded, as exported */
    public Block structure() {
        Block child = SpaceRegistry.get(space).newSupernet(classes.size()).structure(parsedArch());
        return wrap(BatchNormFolding.fold(child, new WeightCopier()));
    }

    /** @return the card as JSON */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * @param modelDir a model directory
     * @return its card, checked against the registry
     * @throws UserException saying what is missing or wrong
     */
    /**
     * @param modelDir a model directory
     * @return the {@code format} of its card (which kind of model it holds), null when the card has none
     * @throws UserException if it has no readable card
     */
    public static String formatOf(Path modelDir) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelDir.resolve(FILE), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return o.has("format") ? o.get("format").getAsString() : null;
        } catch (IOException e) {
            throw new UserException(modelDir + " is not a nas4j model directory (no readable " + FILE
                    + "); write one with 'nas4j export'");
        } catch (RuntimeException e) {
            throw new UserException(modelDir.resolve(FILE) + " is not valid JSON; export the model again");
        }
    }

    public static ModelCard read(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        String where = file.toString();
        ModelCard card;
        try {
            card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelCard.class);
        } catch (NoSuchFileException e) {
            throw new UserException(modelDir + " is not a nas4j model directory (no " + FILE
                    + "); write one with 'nas4j export'");
        } catch (IOException e) {
            throw new UserException("cannot read " + where + ": " + e.getMessage());
        } catch (JsonParseException e) {
            throw new UserException(where + " is not valid JSON (" + e.getMessage() + "); export the model again");
        }
        if (card == null || !FORMAT.equals(card.format())) {
            throw new UserException(where + " is not a " + FORMAT + " file; export the model again");
        }
        card.check(where);
        return card;
    }

    private void check(String where) {
        if (name == null || space == null || arch == null || classes == null || mean == null || std == null) {
            throw new UserException(where + " lacks name, space, arch, classes, mean or std; export the model again");
        }
        SpaceRegistry.Entry entry;
        try {
            entry = SpaceRegistry.get(space);
        } catch (UserException e) {
            throw new UserException(where + ": " + e.getMessage());
        }
        try {
            entry.space().parse(arch);
        } catch (InvalidArchException e) {
            throw new UserException(where + ": " + e.getMessage());
        }
        if (mean.length != channels || std.length != channels || channels != entry.inputShape()[0]) {
            throw new UserException(where + ": space " + space + " takes " + entry.inputShape()[0]
                    + " channels but the card says " + channels + " (mean " + mean.length + ", std " + std.length + ")");
        }
        if (classes.isEmpty()) {
            throw new UserException(where + " lists no classes; export the model again");
        }
    }
}
