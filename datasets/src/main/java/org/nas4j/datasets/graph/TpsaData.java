package org.nas4j.datasets.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.util.UserException;

/**
 * Topological polar surface area of NCI molecules: Debian's {@code rdkit-data} ships 4,999 of them as
 * {@code SMILES,TPSA} lines ({@link #DEBIAN_FILE}, values from Daylight's tools and Ertl's program). The
 * split is fixed by position so that every run and every paper-style table uses the same molecules: of
 * each ten consecutive lines the ninth is validation and the tenth test (80 / 10 / 10).
 */
public final class TpsaData {

    /** Where {@code apt-get install rdkit-data} puts the file. */
    public static final Path DEBIAN_FILE = Path.of("/usr/share/RDKit/Data/NCI/first_5k.tpsa.csv");

    private TpsaData() {}

    /**
     * @return the molecules of {@code file} with their values (TPSA in Å² for {@link #DEBIAN_FILE}), named
     *     {@code tpsa} or after the file; a bad line is a {@link UserException} naming it
     */
    public static GraphData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("TPSA file " + file + " does not exist: install Debian's rdkit-data (apt-get install"
                    + " rdkit-data) or give a file of SMILES,TPSA lines");
        }
        List<GraphData.Sample> train = new ArrayList<>();
        List<GraphData.Sample> validation = new ArrayList<>();
        List<GraphData.Sample> test = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int position = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String where = file + " line " + (i + 1);
            if (comma < 0) {
                throw new UserException(where + ": '" + line + "' is not SMILES,TPSA");
            }
            double tpsa;
            try {
                tpsa = Double.parseDouble(line.substring(comma + 1));
            } catch (NumberFormatException e) {
                throw new UserException(where + ": '" + line.substring(comma + 1) + "' is not a number: lines are SMILES,TPSA");
            }
            Molecule m;
            try {
                m = Molecule.parse(line.substring(0, comma));
            } catch (UserException e) {
                throw new UserException(where + ": " + e.getMessage());
            }
            GraphData.Sample s = new GraphData.Sample(m.features(), tpsa, m.smiles());
            (position % 10 == 8 ? validation : position % 10 == 9 ? test : train).add(s);
            position++;
        }
        // what the values are: TPSA for Debian's file, else the file's name without its extension
        String name = file.equals(DEBIAN_FILE) ? "tpsa" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new GraphData(name, GraphData.SMILES, train, validation, test);
    }
}
