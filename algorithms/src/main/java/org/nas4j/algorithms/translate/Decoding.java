package org.nas4j.algorithms.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.datasets.text.CharVocabulary;

/**
 * Generation from an encoder-decoder, one token at a time: the source is encoded once, the decoder
 * runs on the growing target (no key/value cache: words are short, so recomputing the prefix costs
 * less than the bookkeeping would). Greedy decoding takes the likeliest token; beam search keeps the
 * {@code width} best prefixes by summed log-probability divided by length.
 */
public final class Decoding {

    private final SequenceToSequence model;
    private final ParameterStore ps;
    private final int maxLength;

    /**
     * @param model the model (a supernet's active child, or a static one)
     * @param ps its parameter store
     * @param maxLength the longest target, start token included
     */
    public Decoding(SequenceToSequence model, ParameterStore ps, int maxLength) {
        this.model = model;
        this.ps = ps;
        this.maxLength = maxLength;
    }

    /**
     * @param source source ids {@code (N, S)} in a manager the caller closes
     * @return for each source the generated ids, without start and end tokens
     */
    public int[][] greedy(NDArray source) {
        return greedy(source, true);
    }

    /**
     * @param source source ids {@code (N, S)} in a manager the caller closes
     * @param stopAtEnd stop once every word has ended; false: always run to the length limit (timing)
     * @return for each source the generated ids, without start and end tokens
     */
    public int[][] greedy(NDArray source, boolean stopAtEnd) {
        NDManager m = source.getManager();
        int n = (int) source.getShape().get(0);
        NDArray memory = model.encode(ps, source, false);
        NDArray target = m.full(new Shape(n, 1), CharVocabulary.BOS, source.getDataType());
        boolean[] done = new boolean[n];
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int t = 1; t < maxLength && !(stopAtEnd && allTrue(done)); t++) {
            NDArray logits = model.decode(ps, memory, source, target, false);
            NDArray next = logits.get(new NDIndex(":, -1, :")).argMax(1).toType(source.getDataType(), false);
            long[] ids = next.toLongArray();
            for (int i = 0; i < n; i++) {
                if (!done[i]) {
                    if (ids[i] == CharVocabulary.EOS) {
                        done[i] = true;
                    } else {
                        out.get(i).add((int) ids[i]);
                    }
                }
            }
            target = target.concat(next.reshape(n, 1), 1);
        }
        return out.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static boolean allTrue(boolean[] b) {
        for (boolean x : b) {
            if (!x) {
                return false;
            }
        }
        return true;
    }

    private record Beam(long[] tokens, double logProbability, boolean finished) {
        double score() {
            return logProbability / tokens.length;
        }
    }

    /**
     * @param source the ids of one source {@code (1, S)} in a manager the caller closes
     * @param width beams kept
     * @return the best finished (or, at the length limit, longest-lived) beam's ids, without start and end tokens
     */
    public int[] beam(NDArray source, int width) {
        NDArray memory = model.encode(ps, source, false);
        List<Beam> beams = List.of(new Beam(new long[] {CharVocabulary.BOS}, 0, false));
        for (int t = 1; t < maxLength && beams.stream().anyMatch(b -> !b.finished); t++) {
            List<Beam> live = beams.stream().filter(b -> !b.finished).toList();
            NDList prefixes = new NDList();
            for (Beam b : live) {
                prefixes.add(source.getManager().create(b.tokens).reshape(1, t));
            }
            NDArray target = NDArrays.concat(prefixes, 0);
            NDArray repeated = memory.repeat(0, live.size());
            NDArray sources = source.repeat(0, live.size());
            NDArray logProbabilities = model.decode(ps, repeated, sources, target, false)
                    .get(new NDIndex(":, -1, :")).logSoftmax(1);
            float[] lp = logProbabilities.toFloatArray();
            int vocabulary = (int) logProbabilities.getShape().get(1);
            List<Beam> next = new ArrayList<>(beams.stream().filter(b -> b.finished).toList());
            for (int b = 0; b < live.size(); b++) {
                Beam parent = live.get(b);
                Integer[] order = new Integer[vocabulary];
                for (int v = 0; v < vocabulary; v++) {
                    order[v] = v;
                }
                int row = b * vocabulary;
                Arrays.sort(order, Comparator.comparingDouble(v -> -lp[row + v]));
                for (int k = 0; k < width; k++) {
                    int token = order[k];
                    long[] tokens = Arrays.copyOf(parent.tokens, t + 1);
                    tokens[t] = token;
                    next.add(new Beam(tokens, parent.logProbability + lp[row + token], token == CharVocabulary.EOS));
                }
            }
            next.sort(Comparator.comparingDouble(b -> -b.score()));
            beams = next.subList(0, Math.min(width, next.size()));
        }
        long[] best = beams.get(0).tokens;
        int end = best[best.length - 1] == CharVocabulary.EOS ? best.length - 1 : best.length;
        return Arrays.stream(best, 1, end).mapToInt(x -> (int) x).toArray();
    }
}
