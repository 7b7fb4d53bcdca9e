package org.nas4j.spaces.serving;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * The card of a network that nas4j loads itself rather than through DJL's image translators (a word
 * translator, a graph network): the {@code arch.json} that names its space and arch.
 */
interface NetworkCard {

    Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    String format();

    String name();

    String space();

    String arch();

    /** @return whether every field the card's kind needs is there */
    boolean complete();

    /** @return whether the space is of the card's kind; its message otherwise */
    String wrongSpace(SpaceRegistry.Entry entry);

    /**
     * @param modelDir a model directory
     * @param type the card's class
     * @param format its format tag
     * @return the card, checked whole and against the registry
     * @throws UserException saying what is missing or wrong
     */
    static <T extends NetworkCard> T read(Path modelDir, Class<T> type, String format) {
        Path file = modelDir.resolve(ModelCard.FILE);
        T card;
        try {
            card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (IOException | RuntimeException e) {
            throw new UserException("cannot read " + file + " (" + e.getMessage() + "); export the model again");
        }
        if (card == null || !format.equals(card.format()) || card.name() == null || card.space() == null || card.arch() == null
                || !card.complete()) {
            throw new UserException(file + " is not a complete " + format + " card; export the model again");
        }
        try {
            SpaceRegistry.Entry entry = SpaceRegistry.get(card.space());
            String wrong = card.wrongSpace(entry);
            if (wrong != null) {
                throw new UserException(file + ": space " + card.space() + " " + wrong);
            }
            entry.space().parse(card.arch());
        } catch (InvalidArchException e) {
            throw new UserException(file + ": " + e.getMessage());
        }
        return card;
    }
}
