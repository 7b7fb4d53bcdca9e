package org.nas4j.datasets.text;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The characters of a word-translation task, as token ids: {@value #PAD} pads, {@value #BOS} starts
 * a target, {@value #EOS} ends a word, {@value #UNK} stands for a character never seen; the
 * characters follow in code-point order.
 */
public final class CharVocabulary {

    /** Padding. */
    public static final int PAD = 0;
    /** Start of a target word. */
    public static final int BOS = 1;
    /** End of a word. */
    public static final int EOS = 2;
    /** A character outside the vocabulary. */
    public static final int UNK = 3;
    private static final int SPECIALS = 4;

    private final List<Integer> characters;
    private final Map<Integer, Integer> ids = new HashMap<>();

    /** @param characters the code points, each once, in id order */
    public CharVocabulary(List<Integer> characters) {
        this.characters = List.copyOf(characters);
        for (int i = 0; i < this.characters.size(); i++) {
            Preconditions.checkArgument(ids.put(this.characters.get(i), SPECIALS + i) == null,
                    "character %s repeated", this.characters.get(i));
        }
    }

    /** @return the vocabulary of every character in the pairs, both sides */
    public static CharVocabulary of(Collection<WordPair> pairs) {
        TreeSet<Integer> chars = new TreeSet<>();
        for (WordPair p : pairs) {
            p.source().codePoints().forEach(chars::add);
            p.target().codePoints().forEach(chars::add);
        }
        return new CharVocabulary(new ArrayList<>(chars));
    }

    /** @return the vocabulary written by {@link #toString()} */
    public static CharVocabulary parse(String text) {
        return new CharVocabulary(text.codePoints().boxed().toList());
    }

    /** @return tokens including the four special ones */
    public int size() {
        return SPECIALS + characters.size();
    }

    /**
     * @param word a word
     * @return its character ids, then {@value #EOS}
     */
    public int[] encode(String word) {
        int[] cps = word.codePoints().toArray();
        int[] out = new int[cps.length + 1];
        for (int i = 0; i < cps.length; i++) {
            out[i] = ids.getOrDefault(cps[i], UNK);
        }
        out[cps.length] = EOS;
        return out;
    }

    /**
     * @param tokens ids, read up to the first {@value #EOS} or {@value #PAD}
     * @return the word ({@code ?} for unknown characters; start tokens skipped)
     */
    public String decode(int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            if (t == EOS || t == PAD) {
                break;
            }
            if (t == BOS) {
                continue;
            }
            b.appendCodePoint(t == UNK || t >= size() ? '?' : characters.get(t - SPECIALS));
        }
        return b.toString();
    }

    /** @return the characters in id order: the form a model directory stores */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        characters.forEach(b::appendCodePoint);
        return b.toString();
    }
}
