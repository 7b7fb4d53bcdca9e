package org.nas4j.spaces.serving;

import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.InvalidArchException;
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
public record TranslatorCard(String format, String name, String space, String arch, String vocabulary) {

    /** The file's format tag. */
    public static final String FORMAT = "nas4j-translator/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

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
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelDir.resolve(ModelCard.FILE), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            return o.has("format") && FORMAT.equals(o.get("format").getAsString());
        } catch (IOException e) {
            throw new UserException(modelDir + " is not a nas4j model directory (no readable " + ModelCard.FILE
                    + "); write one with 'nas4j export'");
        } catch (RuntimeException e) {
            throw new UserException(modelDir.resolve(ModelCard.FILE) + " is not valid JSON; export the model again");
        }
    }

    /**
     * @param modelDir a translator's model directory
     * @return its card, checked against the registry
     * @throws UserException saying what is missing or wrong
     */
    public static TranslatorCard read(Path modelDir) {
        Path file = modelDir.resolve(ModelCard.FILE);
        TranslatorCard card;
        try {
            card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), TranslatorCard.class);
        } catch (IOException | RuntimeException e) {
            throw new UserException("cannot read " + file + " (" + e.getMessage() + "); export the model again");
        }
        if (card == null || !FORMAT.equals(card.format()) || card.name() == null || card.space() == null
                || card.arch() == null || card.vocabulary() == null) {
            throw new UserException(file + " is not a complete " + FORMAT + " card; export the model again");
        }
        try {
            if (!SpaceRegistry.get(card.space()).translates()) {
                throw new UserException(file + ": space " + card.space() + " does not translate words");
            }
            card.parsedArch();
        } catch (InvalidArchException e) {
            throw new UserException(file + ": " + e.getMessage());
        }
        return card;
    }
}
