package org.nas4j.spaces.serving;

import ai.djl.nn.Block;
import java.nio.file.Path;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * What an exported word translator is — the {@code arch.json} of its directory: the space and arch
 * that rebuild its network, and the characters its token ids stand for (ids 0-3 are padding, start,
 * end and unknown; character {@code i} of {@code vocabulary} is id {@code 4 + i}).
 *
 * @param format the file format, {@value #FORMAT}
 * @param name the model's name (its parameter file's prefix)
 * @param space the registered space
 * @param arch the child's arch string
 * @param vocabulary the characters, in id order
 */
public record TranslatorCard(String format, String name, String space, String arch, String vocabulary)
        implements NetworkCard {

    /** The file's format tag. */
    public static final String FORMAT = "nas4j-translator/1";

    /** @return the number of token ids */
    public int tokens() {
        return 4 + (int) vocabulary.codePoints().count();
    }

    /** @return the network's structure, without weights */
    public Block structure() {
        return SpaceRegistry.get(space).newSupernet(tokens()).structure(parsedArch());
    }

    /** @return the space's arch this card names */
    public Arch parsedArch() {
        return SpaceRegistry.get(space).space().parse(arch);
    }

    /** @return the card as JSON */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * @param modelDir a model directory
     * @return whether it holds a translator (rather than an image classifier)
     * @throws UserException if it has no readable card
     */
    public static boolean isTranslator(Path modelDir) {
        return FORMAT.equals(ModelCard.formatOf(modelDir));
    }

    /**
     * @param modelDir a translator's model directory
     * @return its card, checked against the registry
     * @throws UserException saying what is missing or wrong
     */
    public static TranslatorCard read(Path modelDir) {
        return NetworkCard.read(modelDir, TranslatorCard.class, FORMAT);
    }

    @Override
    public boolean complete() {
        return vocabulary != null;
    }

    @Override
    public String wrongSpace(SpaceRegistry.Entry entry) {
        return entry.translates() ? null : "does not translate words";
    }
}
