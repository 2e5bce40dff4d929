package org.hmaplab.harness.bench;

import java.util.SplittableRandom;

/**
 * The sequence of key indexes a lookup benchmark visits, precomputed in setup so the timed loop
 * only reads an array (no RNG, no modulo). An index below {@code size} is a present key, from
 * {@code size} up an absent one. Exactly {@code round(count * hitPercent / 100)} of the probes
 * hit, at shuffled positions. Keys are chosen uniformly or by Zipf rank; ranks go through a fixed
 * random permutation so that the hot keys are not simply the first ones generated.
 */
public final class ProbePlan {
    private ProbePlan() {
    }

    /** Probes a timed method consumes per invocation. */
    public static final int BATCH = 1024;
    /** The longest probe sequence; a power of two so the cursor wraps with a mask. */
    public static final int MAX_PROBES = 1 << 18;

    /** The probe count for a map of {@code size}: a power of two in [BATCH, MAX_PROBES]. */
    public static int probeCount(int size) {
        int p = Integer.highestOneBit(Math.max(size, 1));
        if (p < size) {
            p <<= 1;
        }
        return Math.max(BATCH, Math.min(MAX_PROBES, p));
    }

    /** {@code count} key indexes into a key array of {@code 2 * size}. */
    public static int[] indexes(int size, int count, Distribution distribution, int hitPercent) {
        if (hitPercent < 0 || hitPercent > 100) {
            throw new IllegalArgumentException("hit ratio must be 0..100 %, got " + hitPercent);
        }
        SplittableRandom random = new SplittableRandom(KeySets.PROBE_SEED);
        int[] permutation = new int[size];
        for (int i = 0; i < size; i++) {
            permutation[i] = i;
        }
        shuffle(permutation, random);
        boolean[] hit = new boolean[count];
        int hits = (int) Math.round(count * (hitPercent / 100.0));
        for (int i = 0; i < hits; i++) {
            hit[i] = true;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = hit[i];
            hit[i] = hit[j];
            hit[j] = t;
        }
        ZipfSampler zipf = distribution == Distribution.ZIPF ? new ZipfSampler(size, Distribution.ZIPF_THETA) : null;
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            int rank = zipf == null ? random.nextInt(size) : zipf.next(random);
            int index = permutation[rank];
            indexes[i] = hit[i] ? index : size + index;
        }
        return indexes;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
