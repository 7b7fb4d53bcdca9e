package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Where an elastic layer's weight comes from: one shared max-size tensor, or a routed mixture. */
interface ElasticWeight {

    /**
     * @param value reads a parameter's array (through the parameter store in a forward)
     * @param manager where the arrays made on the way go (the step's, or a temporary one)
     * @param slice cuts a max-size tensor down to the active child's shape
     * @return the active child's weight
     */
    NDArray get(Function<Parameter, NDArray> value, NDManager manager, UnaryOperator<NDArray> slice);

    /**
     * @param parameter the max-size weight every child slices
     * @return plain weight sharing
     */
    static ElasticWeight shared(Parameter parameter) {
        return (value, manager, slice) -> slice.apply(value.apply(parameter));
    }
}
