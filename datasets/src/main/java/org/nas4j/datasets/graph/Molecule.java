package org.nas4j.datasets.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.util.UserException;
import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * A molecule as a graph of its heavy atoms (hydrogens are counted on their atoms, not made vertices),
 * read from SMILES by the Chemistry Development Kit with Daylight aromaticity perceived, so Kekulé and
 * aromatic SMILES of one molecule give the same features.
 *
 * @param smiles the SMILES it was read from
 * @param graph the heavy-atom graph, in the SMILES's atom order
 * @param atoms per atom: {@link #ATOM_FEATURES} integers
 * @param bonds per edge of {@link Graph#edges()}: the bond's order, 1, 2, 3, or 4 for aromatic
 */
public record Molecule(String smiles, Graph graph, int[][] atoms, int[] bonds) {

    /** Per atom: atomic number, formal charge, attached hydrogens, aromatic (1) or not (0). */
    public static final int ATOM_FEATURES = 4;

    /** The bond-order value of an aromatic bond. */
    public static final int AROMATIC = 4;

    private static final SmilesParser PARSER = new SmilesParser(SilentChemObjectBuilder.getInstance());

    /** @return the molecule; a SMILES CDK cannot read is a {@link UserException} quoting it */
    public static Molecule parse(String smiles) {
        IAtomContainer mol;
        try {
            synchronized (PARSER) {
                mol = PARSER.parseSmiles(smiles);
            }
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.relevant())).apply(mol);
        } catch (InvalidSmilesException e) {
            throw new UserException("cannot read SMILES '" + smiles + "': " + e.getMessage().lines().findFirst().orElse(""));
        } catch (CDKException e) {
            throw new UserException("cannot perceive aromaticity in '" + smiles + "': " + e.getMessage());
        }
        Map<IAtom, Integer> index = new HashMap<>();
        List<int[]> atoms = new ArrayList<>();
        for (IAtom a : mol.atoms()) {
            if (isAttachedHydrogen(mol, a)) {
                continue; // counted on its atom below
            }
            index.put(a, atoms.size());
            int element = a.getAtomicNumber() == null ? 0 : a.getAtomicNumber();
            int charge = a.getFormalCharge() == null ? 0 : a.getFormalCharge();
            atoms.add(new int[] {element, charge, 0, a.isAromatic() ? 1 : 0});
        }
        for (IAtom a : mol.atoms()) {
            Integer i = index.get(a);
            if (i != null) {
                int explicit = (int) mol.getConnectedAtomsList(a).stream().filter(b -> !index.containsKey(b)).count();
                atoms.get(i)[2] = (a.getImplicitHydrogenCount() == null ? 0 : a.getImplicitHydrogenCount()) + explicit;
            }
        }
        List<int[]> edges = new ArrayList<>();
        Map<Long, Integer> orders = new HashMap<>();
        for (IBond b : mol.bonds()) {
            Integer u = index.get(b.getBegin());
            Integer v = index.get(b.getEnd());
            if (u == null || v == null) {
                continue;
            }
            edges.add(new int[] {u, v});
            orders.put(key(Math.min(u, v), Math.max(u, v)), b.isAromatic() ? AROMATIC : b.getOrder().numeric());
        }
        Graph g = Graph.of(atoms.size(), edges);
        int[] bonds = g.edges().stream().mapToInt(e -> orders.get(key(e[0], e[1]))).toArray();
        return new Molecule(smiles, g, atoms.toArray(int[][]::new), bonds);
    }

    /** @return whether {@code a} is a plain hydrogen bonded to one heavy atom, written explicitly ([H] or [2H] stay atoms) */
    private static boolean isAttachedHydrogen(IAtomContainer mol, IAtom a) {
        if (a.getAtomicNumber() == null || a.getAtomicNumber() != 1 || a.getMassNumber() != null) {
            return false;
        }
        List<IAtom> next = mol.getConnectedAtomsList(a);
        return next.size() == 1 && next.get(0).getAtomicNumber() != null && next.get(0).getAtomicNumber() != 1;
    }

    /**
     * @return the molecule as a network reads it: per atom its element (atomic numbers above 53 share
     *     54), formal charge + 2 (clamped to 0..4), hydrogens (at most 4) and aromaticity; per bond its
     *     order (1, 2, 3, or 4 aromatic)
     */
    public FeaturedGraph features() {
        int[][] vertices = new int[atoms.length][];
        for (int i = 0; i < atoms.length; i++) {
            int[] a = atoms[i];
            vertices[i] = new int[] {Math.min(a[0], 54), Math.max(0, Math.min(4, a[1] + 2)), Math.min(a[2], 4), a[3]};
        }
        return new FeaturedGraph(graph, vertices, bonds.clone());
    }

    private static long key(int u, int v) {
        return (long) u << 32 | v;
    }
}
