package org.nas4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path dir;

    @Test
    void fashionMnistWrittenAsPngFoldersReadsBackByteForByte() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        TestFiles.writeGratings(idx, 300, 40, 28, 3);
        LabelledData original = FashionMnist.load(idx);
        Path folder = dir.resolve("png");
        TestFiles.writeImageFolder(original, folder);

        LabelledData read = Datasets.open(folder.toString(), 1, 28);
        for (String part : new String[] {"train", "test"}) {
            ImageDataset a = part.equals("train") ? original.train() : original.test();
            ImageDataset b = part.equals("train") ? read.train() : read.test();
            assertEquals(a.size(), b.size(), part);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.label(i), b.label(i), part + " label " + i);
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        assertEquals(a.pixel(i, 0, y, x), b.pixel(i, 0, y, x), part + " item " + i);
                    }
                }
            }
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), read.train().classes());
        Normalization n = ImageFolder.statistics(original.train());
        assertArrayEquals(n.mean(), read.normalization().mean());
        assertTrue(Math.abs(n.mean()[0] - 128 / 255.0) < 0.02, "gratings centre on grey: " + n.mean()[0]);
    }

    @Test
    void colourImagesOfMixedSizesAreCroppedResizedAndNamedByTheirFolders() throws IOException {
        TestFiles.writeColourFolder(dir, 7, 6, 1);
        LabelledData d = Datasets.open(dir.toString(), 3, 16);
        assertEquals(List.of("class-a", "class-b", "class-c", "class-d", "class-e", "class-f", "class-g"), d.train().classes());
        assertEquals(42, d.train().size() + d.test().size());
        assertEquals(4, d.test().size(), "a tenth held out as the test set");
        assertEquals(16, d.train().height());
        assertEquals(3, d.train().channels());
        // class a is tinted red, class e (hue 4/7) blue: the decoded pixels keep the tint
        for (int i = 0; i < d.train().size(); i++) {
            int red = d.train().pixel(i, 0, 8, 8);
            int blue = d.train().pixel(i, 2, 8, 8);
            if (d.train().label(i) == 0) {
                assertTrue(red > blue + 60, "red class: r " + red + " b " + blue);
            } else if (d.train().label(i) == 4) {
                assertTrue(blue > red + 60, "blue class: r " + red + " b " + blue);
            }
        }
        assertEquals(3, d.normalization().mean().length);

        String colourInGray = assertThrows(DataFormatException.class, () -> Datasets.open(dir.toString(), 1, 16)).getMessage();
        assertTrue(colourInGray.contains("channels=3"), colourInGray);

        Files.writeString(dir.resolve("class-c").resolve("broken.png"), "not a png");
        String broken = assertThrows(DataFormatException.class, () -> Datasets.open(dir.toString(), 3, 16)).getMessage();
        assertTrue(broken.contains("broken.png") && broken.contains("fix or remove it"), broken);
    }

    @Test
    void aFolderWithoutClassFoldersIsNoImageFolder() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        String m = assertThrows(org.nas4j.core.util.UserException.class, () -> Datasets.open(dir.toString(), 3, 16)).getMessage();
        assertTrue(m.contains("class folders of PNG / JPEG images"), m);
    }
}
