package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sparse COO matrices for sums over index sets (a scatter-add as one sparse product, which LibTorch
 * differentiates with respect to the dense side). DJL 0.36's {@code NDManager.createCoo} builds the
 * sparse tensor over index and value arrays that it closes at once, while LibTorch keeps pointing at
 * their memory, which the garbage collector then frees: products read freed memory (measured: a
 * crash in {@code s_addmm_out_sparse_dense_worker} after {@code System.gc()}). Here the arrays are
 * first copied into memory that LibTorch owns.
 */
public final class SparseMatrix {

    private SparseMatrix() {}

    /**
     * @param manager where the matrix lives
     * @param rows each entry's row
     * @param columns each entry's column
     * @param values each entry's value
     * @param shape the matrix's shape
     * @return the sparse matrix (duplicate entries add up)
     */
    public static NDArray coo(NDManager manager, long[] rows, long[] columns, float[] values, Shape shape) {
        try (NDArray index = manager.create(new long[][] {rows, columns}); NDArray value = manager.create(values);
                NDArray ownedIndex = index.duplicate(); NDArray ownedValue = value.duplicate()) {
            return JniUtils.createSparseCoo((PtNDArray) ownedIndex, (PtNDArray) ownedValue, shape);
        }
    }
}
