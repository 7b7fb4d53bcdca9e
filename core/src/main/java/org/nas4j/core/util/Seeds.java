package org.nas4j.core.util;

/**
 * Derives independent seeds from the run's one seed, so any step's randomness can be recreated
 * without replaying the steps before it (what makes resume exact).
 */
public final class Seeds {

    private Seeds() {}

    /**
     * @param seed the run's seed
     * @param purpose what the stream is for ("data", "arch", ...)
     * @param index which one (epoch, step)
     * @return a seed for that stream
     */
    public static long derive(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        return mix(h ^ mix(index));
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
