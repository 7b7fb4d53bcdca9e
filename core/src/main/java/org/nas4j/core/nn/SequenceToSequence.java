package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * An encoder-decoder over token ids, split so that generation encodes a source once and then
 * decodes the growing target.
 */
public interface SequenceToSequence {

    /**
     * @param ps the parameter store
     * @param source source ids {@code (N, S)}, int64
     * @param training whether this is a training pass
     * @return the encoder's output
     */
    NDArray encode(ParameterStore ps, NDArray source, boolean training);

    /**
     * @param ps the parameter store
     * @param memory {@link #encode}'s output for these sources
     * @param source the source ids (for their padding)
     * @param target the target so far, from its start token {@code (N, T)}
     * @param training whether this is a training pass
     * @return next-token logits at every target position {@code (N, T, vocabulary)}
     */
    NDArray decode(ParameterStore ps, NDArray memory, NDArray source, NDArray target, boolean training);
}
