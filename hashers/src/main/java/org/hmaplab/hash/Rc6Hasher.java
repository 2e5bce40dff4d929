package org.hmaplab.hash;

import java.util.Objects;

/**
 * A 64-bit hash built on the RC6 round: a CBC-MAC-like chain of 4-round RC6 permutations keyed
 * by the seed, then a 64-bit finaliser. Multiplications, rotations, XORs and additions only; no
 * table lookups.
 *
 * <h2>Exact construction</h2>
 * Words are 32 bits, arithmetic mod 2^32; {@code lo32}/{@code hi32} are the low/high halves of a
 * 64-bit value; {@code n} is the input length in bytes.
 * <ol>
 *   <li><b>Round keys.</b> {@code S[0..11]} = the RC6 key schedule ({@link Rc6KeySchedule}) with
 *       r = 4 rounds and the 8 little-endian bytes of the seed as the key (b = 8, c = 2).</li>
 *   <li><b>Initial state.</b> {@code A = lo32(seed)}, {@code B = hi32(seed) + S[0]},
 *       {@code C = n}, {@code D = S[1]} (RC6's pre-whitening applied to (seed, n, 0)).</li>
 *   <li><b>Blocks.</b> The input is cut into 16-byte blocks; a last partial block of
 *       {@code n mod 16} bytes is padded with zero bytes (no block at all for n = 0; no padding
 *       block when n is a multiple of 16). For each block, read as little-endian words
 *       (m0, m1, m2, m3): {@code A ^= m0, B ^= m1, C ^= m2, D ^= m3}, then 4 RC6 rounds
 *       ({@link Rc6Round}) with keys S[2], S[3] (round 1) ... S[8], S[9] (round 4). Four rounds
 *       rotate the words back to their places, so no renaming is left over.</li>
 *   <li><b>Finish.</b> {@code A += S[10]}, {@code C += S[11]} (RC6's post-whitening);
 *       {@code lo = A | B << 32}, {@code hi = C | D << 32} (unsigned words);
 *       {@code x = lo ^ (hi * 0x9E3779B97F4A7C15)}; the result is the SplitMix64 finaliser of x:
 *       {@code x ^= x >>> 30; x *= 0xBF58476D1CE4E5B9; x ^= x >>> 27; x *= 0x94D049BB133111EB;
 *       x ^= x >>> 31}.</li>
 * </ol>
 * The length enters the initial state, so zero padding cannot make two lengths collide
 * systematically; the seed enters both the round keys and the state. Each 4-round block
 * permutation is a bijection of the 128-bit state, so two inputs of equal length that differ only
 * in their last block never collide before the fold.
 *
 * <h2>Seed cache</h2>
 * The key schedule (36 mixing steps) runs once per seed: the hasher keeps the schedule of the
 * last seed it saw in an immutable {@link Schedule} object held in a plain field. A racing
 * thread at worst recomputes it; final fields make the object safe to publish without locks.
 * Hashing with a repeated seed allocates nothing; a new seed allocates one small object.
 */
public final class Rc6Hasher implements Hasher {
    /** The singleton; its only state is the cache of the last seed's schedule. */
    public static final Rc6Hasher INSTANCE = new Rc6Hasher();

    /** RC6 rounds per 16-byte block. */
    static final int ROUNDS = 4;

    private static final long FOLD_MULTIPLIER = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio, odd
    private static final long SPLITMIX_M1 = 0xBF58476D1CE4E5B9L;     // SplitMix64 finaliser
    private static final long SPLITMIX_M2 = 0x94D049BB133111EBL;     // SplitMix64 finaliser
    private static final int BLOCK_BYTES = 16;
    private static final int BLOCK_CHARS = 8;
    private static final long WORD_MASK = 0xffffffffL;
    private static final int BYTE_MASK = 0xff;

    /** The last seed's round keys; replaced (never mutated) when the seed changes. */
    private Schedule last = new Schedule(0L);

    private Rc6Hasher() {
    }

    @Override
    public String name() {
        return "rc6";
    }

    @Override
    public String family() {
        return "rc6";
    }

    /** The round keys for {@code seed}, from the cache when the seed repeats. */
    private Schedule schedule(long seed) {
        Schedule k = last;
        if (k.seed != seed) {
            k = new Schedule(seed);
            last = k;
        }
        return k;
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        final Schedule k = schedule(seed);
        int a = (int) seed;
        int b = (int) (seed >>> 32) + k.s0;
        int c = len;
        int d = k.s1;
        int p = off;
        final int fullEnd = off + (len & -BLOCK_BYTES);
        for (; p < fullEnd; p += BLOCK_BYTES) {
            a ^= LittleEndian.getInt(data, p);
            b ^= LittleEndian.getInt(data, p + 4);
            c ^= LittleEndian.getInt(data, p + 8);
            d ^= LittleEndian.getInt(data, p + 12);
            // four RC6 rounds, unrolled so that the words return to their places (see Rc6Round)
            int t = Rc6Round.quad(b);
            int u = Rc6Round.quad(d);
            a = Rc6Round.step(a, t, u, k.s2);
            c = Rc6Round.step(c, u, t, k.s3);
            t = Rc6Round.quad(c);
            u = Rc6Round.quad(a);
            b = Rc6Round.step(b, t, u, k.s4);
            d = Rc6Round.step(d, u, t, k.s5);
            t = Rc6Round.quad(d);
            u = Rc6Round.quad(b);
            c = Rc6Round.step(c, t, u, k.s6);
            a = Rc6Round.step(a, u, t, k.s7);
            t = Rc6Round.quad(a);
            u = Rc6Round.quad(c);
            d = Rc6Round.step(d, t, u, k.s8);
            b = Rc6Round.step(b, u, t, k.s9);
        }
        final int rest = off + len - p;
        if (rest == 0) {
            return finish(a, b, c, d, k);
        }
        final long lo;
        final long hi;
        if (rest >= Long.BYTES) {
            lo = LittleEndian.getLong(data, p);
            hi = partialLong(data, p + Long.BYTES, rest - Long.BYTES);
        } else {
            lo = partialLong(data, p, rest);
            hi = 0;
        }
        return lastBlock(a, b, c, d, lo, hi, k);
    }

    @Override
    public long hashLong(long key, long seed) {
        final Schedule k = schedule(seed);
        return lastBlock((int) seed, (int) (seed >>> 32) + k.s0, Long.BYTES, k.s1, key, 0, k);
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        final Schedule k = schedule(seed);
        final int n = s.length();
        int a = (int) seed;
        int b = (int) (seed >>> 32) + k.s0;
        int c = 2 * n;
        int d = k.s1;
        int i = 0;
        final int fullEnd = n & -BLOCK_CHARS;
        for (; i < fullEnd; i += BLOCK_CHARS) {
            a ^= LittleEndian.charsInt(s, i);
            b ^= LittleEndian.charsInt(s, i + 2);
            c ^= LittleEndian.charsInt(s, i + 4);
            d ^= LittleEndian.charsInt(s, i + 6);
            // four RC6 rounds, as in hashBytes
            int t = Rc6Round.quad(b);
            int u = Rc6Round.quad(d);
            a = Rc6Round.step(a, t, u, k.s2);
            c = Rc6Round.step(c, u, t, k.s3);
            t = Rc6Round.quad(c);
            u = Rc6Round.quad(a);
            b = Rc6Round.step(b, t, u, k.s4);
            d = Rc6Round.step(d, u, t, k.s5);
            t = Rc6Round.quad(d);
            u = Rc6Round.quad(b);
            c = Rc6Round.step(c, t, u, k.s6);
            a = Rc6Round.step(a, u, t, k.s7);
            t = Rc6Round.quad(a);
            u = Rc6Round.quad(c);
            d = Rc6Round.step(d, t, u, k.s8);
            b = Rc6Round.step(b, u, t, k.s9);
        }
        if (i == n) {
            return finish(a, b, c, d, k);
        }
        long lo = 0;
        long hi = 0;
        for (int j = 0; i + j < n; j++) {
            final long ch = s.charAt(i + j);
            if (j < 4) {
                lo |= ch << (16 * j);
            } else {
                hi |= ch << (16 * (j - 4));
            }
        }
        return lastBlock(a, b, c, d, lo, hi, k);
    }

    /** The {@code n} (0 .. 7) bytes at {@code data[p ..]} as a little-endian long, zero-padded. */
    private static long partialLong(byte[] data, int p, int n) {
        long v = 0;
        int j = 0;
        if (n >= Integer.BYTES) {
            v = LittleEndian.getUnsignedInt(data, p);
            j = Integer.BYTES;
        }
        for (; j < n; j++) {
            v |= (long) (data[p + j] & BYTE_MASK) << (8 * j);
        }
        return v;
    }

    /** Absorbs the (padded) last block {@code lo | hi << 64} into the state and finishes. */
    private static long lastBlock(int a0, int b0, int c0, int d0, long lo, long hi, Schedule k) {
        int a = a0 ^ (int) lo;
        int b = b0 ^ (int) (lo >>> 32);
        int c = c0 ^ (int) hi;
        int d = d0 ^ (int) (hi >>> 32);
        // four RC6 rounds, as in hashBytes
        int t = Rc6Round.quad(b);
        int u = Rc6Round.quad(d);
        a = Rc6Round.step(a, t, u, k.s2);
        c = Rc6Round.step(c, u, t, k.s3);
        t = Rc6Round.quad(c);
        u = Rc6Round.quad(a);
        b = Rc6Round.step(b, t, u, k.s4);
        d = Rc6Round.step(d, u, t, k.s5);
        t = Rc6Round.quad(d);
        u = Rc6Round.quad(b);
        c = Rc6Round.step(c, t, u, k.s6);
        a = Rc6Round.step(a, u, t, k.s7);
        t = Rc6Round.quad(a);
        u = Rc6Round.quad(c);
        d = Rc6Round.step(d, t, u, k.s8);
        b = Rc6Round.step(b, u, t, k.s9);
        return finish(a, b, c, d, k);
    }

    /** Post-whitening, fold to 64 bits, SplitMix64 finaliser. */
    private static long finish(int a, int b, int c, int d, Schedule k) {
        final long lo = ((a + k.s10) & WORD_MASK) | (long) b << 32;
        final long hi = ((c + k.s11) & WORD_MASK) | (long) d << 32;
        long x = lo ^ (hi * FOLD_MULTIPLIER);
        x = (x ^ (x >>> 30)) * SPLITMIX_M1;
        x = (x ^ (x >>> 27)) * SPLITMIX_M2;
        return x ^ (x >>> 31);
    }

    /** The 12 round keys of one seed, as fields so the hot path reads no array. */
    static final class Schedule {
        final long seed;
        final int s0;
        final int s1;
        final int s2;
        final int s3;
        final int s4;
        final int s5;
        final int s6;
        final int s7;
        final int s8;
        final int s9;
        final int s10;
        final int s11;

        Schedule(long seed) {
            final int[] s = Rc6KeySchedule.expandSeed(seed, ROUNDS);
            this.seed = seed;
            s0 = s[0];
            s1 = s[1];
            s2 = s[2];
            s3 = s[3];
            s4 = s[4];
            s5 = s[5];
            s6 = s[6];
            s7 = s[7];
            s8 = s[8];
            s9 = s[9];
            s10 = s[10];
            s11 = s[11];
        }
    }
}
