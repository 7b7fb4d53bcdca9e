package org.nas4j.datasets.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.util.UserException;

class MoleculeTest {

    @TempDir
    Path dir;

    @Test
    void kekuleAndAromaticBenzeneAreTheSameGraph() {
        Molecule kekule = Molecule.parse("C1=CC=CC=C1");
        Molecule aromatic = Molecule.parse("c1ccccc1");
        assertEquals(kekule.graph(), aromatic.graph());
        assertArrayEquals(kekule.atoms(), aromatic.atoms());
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4}, kekule.bonds());
        assertArrayEquals(new int[] {6, 0, 1, 1}, kekule.atoms()[0]);
    }

    @Test
    void hydrogensChargesAndBondOrders() {
        // nitroethene: C=C[N+](=O)[O-], explicit hydrogens on the first carbon count on it
        Molecule m = Molecule.parse("[H]C([H])=C[N+](=O)[O-]");
        assertEquals(5, m.graph().size());
        assertArrayEquals(new int[] {6, 0, 2, 0}, m.atoms()[0]);
        assertArrayEquals(new int[] {6, 0, 1, 0}, m.atoms()[1]);
        assertArrayEquals(new int[] {7, 1, 0, 0}, m.atoms()[2]);
        assertArrayEquals(new int[] {8, -1, 0, 0}, m.atoms()[4]);
        // as a network reads it: charge shifted by 2
        assertArrayEquals(new int[] {8, 1, 0, 0}, m.features().vertexFeatures()[4]);
        assertArrayEquals(new int[] {7, 3, 0, 0}, m.features().vertexFeatures()[2]);
        // edges 0-1 (double), 1-2 (single), 2-3 (double), 2-4 (single)
        assertArrayEquals(new int[] {2, 1, 2, 1}, m.bonds());
        assertEquals(2, Molecule.parse("C#N").graph().size());
        assertArrayEquals(new int[] {3}, Molecule.parse("C#N").bonds());
    }

    @Test
    void unreadableSmilesIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> Molecule.parse("C1CC"));
        assertTrue(e.getMessage().startsWith("cannot read SMILES 'C1CC'"), e.getMessage());
    }

    @Test
    void tpsaSplitIsFixedByPosition() throws IOException {
        StringBuilder text = new StringBuilder("# SMILES,TPSA\n");
        for (int i = 0; i < 20; i++) {
            text.append("C".repeat(i + 1)).append("O,").append(20.23).append('\n');
        }
        Path f = dir.resolve("tpsa.csv");
        Files.writeString(f, text);
        GraphData d = TpsaData.read(f);
        assertEquals(16, d.train().size());
        assertEquals(2, d.validation().size());
        assertEquals(2, d.test().size());
        assertEquals(10, d.validation().get(0).graph().graph().size()); // the ninth line: 9 carbons and O
        assertEquals(21, d.test().get(1).graph().graph().size());
        Files.writeString(f, "CCO,20.23\nCCN,x\n");
        UserException e = assertThrows(UserException.class, () -> TpsaData.read(f));
        assertTrue(e.getMessage().contains("line 2: 'x' is not a number"), e.getMessage());
        Files.writeString(f, "CCO,20.23\nC1C,3\n");
        e = assertThrows(UserException.class, () -> TpsaData.read(f));
        assertTrue(e.getMessage().contains("line 2: cannot read SMILES 'C1C'"), e.getMessage());
    }

    @Test
    void debiansNciFileReadsWhole() throws IOException {
        assumeTrue(Files.isRegularFile(TpsaData.DEBIAN_FILE), "needs Debian's rdkit-data");
        GraphData d = TpsaData.read(TpsaData.DEBIAN_FILE);
        assertEquals(4000, d.train().size());
        assertEquals(500, d.validation().size());
        assertEquals(499, d.test().size()); // 4,999 molecules under a header line
        // the first line: 2-methyl-1,4-benzoquinone, 34.14
        GraphData.Sample first = d.train().get(0);
        assertEquals(34.14, first.target(), 1e-9);
        assertEquals("CC1=CC(=O)C=CC1=O", first.source());
        assertEquals(9, first.graph().graph().size()); // seven carbons, two oxygens
        assertEquals(2, Arrays.stream(first.graph().vertexFeatures()).filter(a -> a[0] == 8).count());
    }
}
