package org.nas4j.datasets.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.nas4j.datasets.DataFormatException;

/**
 * Word pairs from a FreeDict dictionary in dictd format: {@code NAME.index} (headword, base64
 * offset, base64 length per line) and {@code NAME.dict.dz} (dictzip, which is gzip) or {@code
 * NAME.dict}. Each entry's first line is the headword and its pronunciation, the second its
 * translations; the pair is (headword, first translation of its first entry), kept when both are
 * single words a character model can spell.
 */
public final class FreeDict {

    /** Where Debian's {@code dict-freedict-*} packages put their files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/dictd");
    /** The English → German dictionary of {@code dict-freedict-eng-deu}. */
    public static final String ENG_DEU = "freedict-eng-deu";
    /** Longest word kept, in characters, on either side. */
    public static final int MAX_WORD = 16;

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern SOURCE_WORD = Pattern.compile("[a-z]+(-[a-z]+)?");
    private static final Pattern TARGET_WORD = Pattern.compile("\\p{IsAlphabetic}+(-\\p{IsAlphabetic}+)?");
    /** Grammar tags, domain labels, cross references and glosses around a translation. */
    private static final Pattern ANNOTATION = Pattern.compile("<[^>]*>|\\[[^]]*]|\\{[^}]*}|\\([^)]*\\)");

    private FreeDict() {}

    /**
     * @param dir the directory with the dictionary's files
     * @param name the dictionary's file name without extension, e.g. {@value #ENG_DEU}
     * @return the word pairs, one per headword, in the index's order
     * @throws DataFormatException if a file is missing or malformed, saying how to fix it
     */
    public static List<WordPair> read(Path dir, String name) {
        Path index = dir.resolve(name + ".index");
        Path dict = Files.isRegularFile(dir.resolve(name + ".dict")) ? dir.resolve(name + ".dict") : dir.resolve(name + ".dict.dz");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(dict)) {
            throw new DataFormatException("dictionary " + name + " not found in " + dir + " (need " + index.getFileName()
                    + " and " + name + ".dict.dz); on Debian: sudo apt-get install -y dict-" + name);
        }
        byte[] text = body(dict);
        List<WordPair> pairs = new ArrayList<>();
        String previous = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + index + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            if (f.length != 3) {
                throw new DataFormatException(index + " line " + (i + 1) + ": expected 'headword<TAB>offset<TAB>length'");
            }
            String headword = f[0];
            if (headword.equals(previous) || !SOURCE_WORD.matcher(headword).matches() || headword.length() > MAX_WORD) {
                continue;
            }
            long offset = base64(f[1], index, i);
            long length = base64(f[2], index, i);
            if (offset + length > text.length) {
                throw new DataFormatException(index + " line " + (i + 1) + ": entry ends at byte " + (offset + length)
                        + " but " + dict.getFileName() + " holds " + text.length + ": the files are of different versions");
            }
            previous = headword;
            String translation = firstTranslation(new String(text, (int) offset, (int) length, StandardCharsets.UTF_8));
            if (translation != null) {
                pairs.add(new WordPair(headword, translation));
            }
        }
        return pairs;
    }

    /**
     * @param entry a dictd entry: headword line, then the translations
     * @return the first translation without annotations, or null unless it is one spellable word
     */
    static String firstTranslation(String entry) {
        String[] lines = entry.split("\n");
        if (lines.length < 2) {
            return null;
        }
        String first = ANNOTATION.matcher(lines[1]).replaceAll(" ").split("[,;]")[0].trim();
        return TARGET_WORD.matcher(first).matches() && first.length() <= MAX_WORD ? first : null;
    }

    private static long base64(String s, Path index, int line) {
        long v = 0;
        for (char c : s.toCharArray()) {
            int d = BASE64.indexOf(c);
            if (d < 0) {
                throw new DataFormatException(index + " line " + (line + 1) + ": '" + s + "' is not a dictd base64 number");
            }
            v = v * 64 + d;
        }
        return v;
    }

    private static byte[] body(Path dict) {
        try (InputStream in = dict.toString().endsWith(".dz") ? new GZIPInputStream(Files.newInputStream(dict))
                : Files.newInputStream(dict)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + dict + " (" + e.getMessage() + "): reinstall the dictionary");
        }
    }
}
