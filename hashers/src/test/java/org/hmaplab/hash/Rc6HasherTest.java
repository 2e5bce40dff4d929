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

    /** Absorbs the block (m0..m3) into {@code w}: XOR, then RC6 rounds 1..4 with S[2..9]. */
    private static void absorb(int[] w, int[] s, int m0, int m1, int m2, int m3) {
        w[0] ^= m0;
        w[1] ^= m1;
        w[2] ^= m2;
        w[3] ^= m3;
        Rc6Round.rounds(w, s, 2, 4);
    }

    /** The documented construction, written for clarity: lanes, blocks, pad, whiten, fold, finalise. */
    private static long reference(byte[] data, long seed) {
        final int[] s = Rc6KeySchedule.expandSeed(seed, 4);
        final int[] w = {(int) seed, (int) (seed >>> 32) + s[0], data.length, s[1]};
        int q = 0;
        if (data.length >= 64) {
            final int[][] lanes = new int[4][];
            for (int j = 0; j < 4; j++) {
                lanes[j] = w.clone();
                lanes[j][0] ^= j;
            }
            for (; data.length - q >= 64; q += 64) {
                for (int j = 0; j < 4; j++) {
                    absorb(lanes[j], s, LittleEndian.getInt(data, q + 4 * j), LittleEndian.getInt(data, q + 16 + 4 * j),
                            LittleEndian.getInt(data, q + 32 + 4 * j), LittleEndian.getInt(data, q + 48 + 4 * j));
                }
            }
            final int[] l0 = lanes[0];
            absorb(l0, s, lanes[1][0] ^ lanes[2][0] ^ lanes[3][0], lanes[1][1] ^ lanes[2][1] ^ lanes[3][1],
                    lanes[1][2] ^ lanes[2][2] ^ lanes[3][2], lanes[1][3] ^ lanes[2][3] ^ lanes[3][3]);
            System.arraycopy(l0, 0, w, 0, 4);
        }
        final byte[] rest = Arrays.copyOfRange(data, q, q + (data.length - q + 15) / 16 * 16); // zero-padded
        for (int p = 0; p < rest.length; p += 16) {
            absorb(w, s, LittleEndian.getInt(rest, p), LittleEndian.getInt(rest, p + 4),
                    LittleEndian.getInt(rest, p + 8), LittleEndian.getInt(rest, p + 12));
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
            for (int len = 0; len <= 400; len++) {
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
     * SMHasher-style avalanche: for {@code keys} random keys of {@code len} bytes (and random
     * seeds), flip each input bit and count how often each output bit changes; the result is the
     * worst |2p - 1| over all (input bit, output bit) pairs.
     */
    static double worstAvalancheBias(Hasher h, int len, int keys) {
        final int[][] flips = new int[len * 8][64];
        final SplittableRandom rnd = new SplittableRandom(len);
        final byte[] key = new byte[len];
        for (int k = 0; k < keys; k++) {
            rnd.nextBytes(key);
            final long seed = rnd.nextLong();
            final long hash = h.hashBytes(key, seed);
            for (int bit = 0; bit < len * 8; bit++) {
                key[bit >>> 3] ^= (byte) (1 << (bit & 7));
                long diff = hash ^ h.hashBytes(key, seed);
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
        return worst;
    }

    /**
     * With 4000 keys the sampling noise alone gives about 0.06 at the worst of up to 32768 cells
     * (xxh3 measures the same), so 0.1 fails only for a real bias.
     */
    @Test
    void everyInputBitFlipsEveryOutputBitAboutHalfTheTime() {
        for (int len : new int[] {8, 16, 64}) {
            final double worst = worstAvalancheBias(RC6, len, 4000);
            assertTrue(worst < 0.1, () -> len + "-byte keys: worst bias " + worst);
        }
    }

    /** The check can fail: FNV-1a ends with a multiply, so bit 0 of the last byte always flips output bit 0. */
    @Test
    void theAvalancheCheckRejectsAHashWithoutAvalanche() {
        assertTrue(worstAvalancheBias(Fnv1aHasher.INSTANCE, 8, 500) > 0.5);
    }
}
