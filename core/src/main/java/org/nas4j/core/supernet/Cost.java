package org.nas4j.core.supernet;

/**
 * The size of one network: multiply-accumulates of one forward pass on one image (convolutions and
 * fully connected layers) and learnable parameters (BN running statistics excluded).
 *
 * @param macs multiply-accumulates per image
 * @param params learnable parameters
 */
public record Cost(long macs, long params) {

    /** @return the sum of both costs */
    public Cost plus(Cost other) {
        return new Cost(macs + other.macs, params + other.params);
    }

    /** @return MACs in millions */
    public double mmacs() {
        return macs / 1e6;
    }
}
