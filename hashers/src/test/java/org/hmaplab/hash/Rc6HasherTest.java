package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Rc6Hasher} against a plain reimplementation of the construction its Javadoc documents,
 * built on the looping {@link Rc6Round#rounds} (the code the RC6 test vectors check through
 * {@link Rc6Cipher}) rather than on the hasher's unrolled rounds; plus a quick avalanche check.
 */
class Rc6HasherTest {
    private static final Hasher RC6 = Rc6Hasher.INSTANCE;

    /** The documented construction, written for clarity: pad, chain, whiten, fold, finalise. */
    private static long reference(byte[] data, long seed) {
        final int[] s = Rc6KeySchedule.expandSeed(seed, 4);
        final int[] w = {(int) seed, (int) (seed >>> 32) + s[0], data.length, s[1]};
        final byte[] padded = Arrays.copyOf(data, (data.length + 15) / 16 * 16);
        for (int p = 0; p < padded.length; p += 16) {
            for (int j = 0; j < 4; j++) {
                w[j] ^= LittleEndian.getInt(padded, p + 4 * j);
            }
            Rc6Round.rounds(w, s, 2, 4);
        }
        w[0] += s[10];
        w[2] += s[11];
        final long lo = Integer.toUnsignedLong(w[0]) | (long) w[1] << 32;
        final long hi = Integer.toUnsignedLong(w[2]) | (long) w[3] << 32;
        long x = lo ^ hi * 0x9E3779B97F4A7C15L;
        x = (x ^ x >>> 30) * 0xBF58476D1CE4E5B9L;
        x = (x ^ x >>> 27) * 0x94D049BB133111EBL;
        return x ^ x >>> 31;
    }

    @Test
    void hashBytesFollowsTheDocumentedConstructionForEveryLength() {
        final SplittableRandom rnd = new SplittableRandom(5);
        for (long seed : new long[] {0L, 1L, -1L, 0x0123456789abcdefL}) {
            for (int len = 0; len <= 300; len++) {
                final byte[] data = new byte[len];
                rnd.nextBytes(data);
                final int l = len;
                assertEquals(reference(data, seed), RC6.hashBytes(data, seed), () -> "len " + l + " seed " + seed);
            }
        }
    }

    @Test
    void changingTheSeedBackAndForthUsesTheRightSchedule() {
        final byte[] data = "seed cache".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int round = 0; round < 3; round++) {
            for (long seed = 0; seed < 5; seed++) {
                assertEquals(reference(data, seed), RC6.hashBytes(data, seed));
            }
        }
    }

    /**
     * SMHasher-style avalanche: for random keys of 8, 16 and 64 bytes, flip each input bit and
     * count how often each output bit changes; the worst |2p - 1| over all (input bit, output bit)
     * pairs must stay small. With 4000 keys the sampling noise alone gives about 0.06 at the
     * worst of up to 32768 cells, so 0.1 fails only for a real bias.
     */
    @Test
    void everyInputBitFlipsEveryOutputBitAboutHalfTheTime() {
        final int keys = 4000;
        for (int len : new int[] {8, 16, 64}) {
            final int[][] flips = new int[len * 8][64];
            final SplittableRandom rnd = new SplittableRandom(len);
            final byte[] key = new byte[len];
            for (int k = 0; k < keys; k++) {
                rnd.nextBytes(key);
                final long seed = rnd.nextLong();
                final long h = RC6.hashBytes(key, seed);
                for (int bit = 0; bit < len * 8; bit++) {
                    key[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    long diff = h ^ RC6.hashBytes(key, seed);
                    key[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    final int[] row = flips[bit];
                    while (diff != 0) {
                        row[Long.numberOfTrailingZeros(diff)]++;
                        diff &= diff - 1;
                    }
                }
            }
            double worst = 0;
            for (int[] row : flips) {
                for (int count : row) {
                    worst = Math.max(worst, Math.abs(2.0 * count / keys - 1.0));
                }
            }
            final double w = worst;
            assertTrue(worst < 0.1, () -> len + "-byte keys: worst bias " + w);
        }
    }
}
