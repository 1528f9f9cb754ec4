package org.primarypipeline.core.vote;

/**
 * Drawing lots from the seed published when the round opened, so that anyone can repeat the draw:
 * list the tied nominees in name order and take the one at {@code mix(seed + round * 0x9E3779B97F4A7C15)}
 * modulo their number, {@code mix} being the SplitMix64 finaliser (independent of the Java version).
 */
final class SeededDraw {

    private SeededDraw() {}

    static int pick(long seed, int round, int tied) {
        long z = seed + round * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) tied);
    }
}
