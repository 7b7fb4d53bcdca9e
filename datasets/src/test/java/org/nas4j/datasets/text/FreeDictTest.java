package org.nas4j.datasets.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.DataFormatException;
import org.nas4j.datasets.TestFiles;

class FreeDictTest {

    private static final String[][] ENTRIES = {
        {"00-database-info", "00-database-info\nEnglish - German test dictionary\n"},
        {"apple", "apple /ˈapəl/\nApfel <masc> [bot.]  [cook.]\n      \"peel an apple\"  - einen Apfel schälen\n"},
        {"dog", "dog /dˈɒɡ/\n [Am.] Hund <masc>, Köter <masc> [zool.]\n"},
        {"dog", "dog /dˈɒɡ/\nBock <masc> [techn.]\n"},
        {"give up", "give up\naufgeben <v>\n"},
        {"house", "house /hˈaʊs/\nein Haus <neut>\n"},
        {"street", "street /stɹˈiːt/\nStraße <fem>; Gasse <fem>\n"},
    };

    @Test
    void readsTheFirstSingleWordTranslationOfEachHeadword() throws IOException {
        for (boolean gzip : new boolean[] {true, false}) {
            Path dir = Files.createTempDirectory("dict");
            TestFiles.writeDictionary(dir, "test-eng-deu", ENTRIES, gzip);
            List<WordPair> pairs = FreeDict.read(dir, "test-eng-deu");
            // the header, a phrase headword and a phrase translation are left out; dog keeps its first entry
            assertEquals(List.of(new WordPair("apple", "Apfel"), new WordPair("dog", "Hund"),
                    new WordPair("street", "Straße")), pairs, "gzip " + gzip);
        }
    }

    @Test
    void aMissingDictionarySaysHowToInstallIt(@TempDir Path dir) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> FreeDict.read(dir, "freedict-eng-deu"));
        assertTrue(e.getMessage().contains("apt-get install -y dict-freedict-eng-deu"), e.getMessage());
    }

    @Test
    void aMalformedIndexNamesItsLine(@TempDir Path dir) throws IOException {
        TestFiles.writeDictionary(dir, "bad", ENTRIES, true);
        Files.writeString(dir.resolve("bad.index"), "apple\tA\tB\nstreet\t!!\tB\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> FreeDict.read(dir, "bad"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theSplitIsDeterministicAndDisjoint() {
        List<WordPair> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pairs.add(new WordPair("w" + i, "W" + i));
        }
        TranslationData a = TranslationData.split("t", pairs, 10, 15);
        List<WordPair> reversed = new ArrayList<>(pairs);
        java.util.Collections.reverse(reversed);
        TranslationData b = TranslationData.split("t", reversed, 10, 15);
        assertTrue(a.train().equals(b.train()) && a.validation().equals(b.validation()) && a.test().equals(b.test()),
                "the split depends only on the pairs, not on their order");
        assertEquals(75, a.train().size());
        Set<WordPair> seen = new HashSet<>(a.train());
        seen.addAll(a.validation());
        seen.addAll(a.test());
        assertEquals(100, seen.size());
        assertThrows(DataFormatException.class, () -> TranslationData.split("t", pairs, 50, 50));
    }

    @Test
    void vocabularyRoundTripsWordsAndMarksUnknownCharacters() {
        CharVocabulary v = CharVocabulary.of(List.of(new WordPair("street", "Straße")));
        int[] tokens = v.encode("Straße");
        assertEquals(CharVocabulary.EOS, tokens[tokens.length - 1]);
        assertEquals("Straße", v.decode(tokens));
        assertEquals("s?t", v.decode(v.encode("sqt")));
        assertArrayEquals(v.encode("trees"), CharVocabulary.parse(v.toString()).encode("trees"));
    }
}
