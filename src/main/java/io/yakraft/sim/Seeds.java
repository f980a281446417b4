package io.yakraft.sim;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from one run seed. Each stream is keyed by a purpose
 * and ids (e.g. "link", 1, 3), so adding a node or a link leaves every other stream as it was.
 */
public final class Seeds {
    private Seeds() {
    }

    public static SplittableRandom stream(long seed, String purpose, int... ids) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        for (int id : ids) {
            h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (id + 1L)));
        }
        return new SplittableRandom(h);
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
