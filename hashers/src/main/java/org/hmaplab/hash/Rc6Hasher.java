package org.hmaplab.hash;

import java.util.Objects;

/**
 * A 64-bit hash built on the RC6 round: a CBC-MAC-like chain of 4-round RC6 permutations keyed
 * by the seed, run in four independent lanes over long inputs, then a 64-bit finaliser.
 * Multiplications, rotations, XORs and additions only; no table lookups.
 *
 * <h2>Exact construction</h2>
 * Words are 32 bits, arithmetic mod 2^32; {@code lo32}/{@code hi32} are the low/high halves of a
 * 64-bit value; {@code n} is the input length in bytes; "absorb a block (m0, m1, m2, m3) into a
 * state (A, B, C, D)" means {@code A ^= m0, B ^= m1, C ^= m2, D ^= m3}, then 4 RC6 rounds
 * ({@link Rc6Round}) with keys S[2], S[3] (round 1) ... S[8], S[9] (round 4); four rounds rotate
 * the words back to their places, so no renaming is left over.
 * <ol>
 *   <li><b>Round keys.</b> {@code S[0..11]} = the RC6 key schedule ({@link Rc6KeySchedule}) with
 *       r = 4 rounds and the 8 little-endian bytes of the seed as the key (b = 8, c = 2).</li>
 *   <li><b>Initial state.</b> {@code A = lo32(seed)}, {@code B = hi32(seed) + S[0]},
 *       {@code C = lo32(n)}, {@code D = S[1]} (RC6's pre-whitening applied to (seed, n, 0)).</li>
 *   <li><b>Lanes (only when n &gt;= 64).</b> Four lanes L0..L3 start as copies of the initial
 *       state, except that lane j's A is XORed with j. While at least 64 bytes remain, the next
 *       64-byte stripe (starting at byte q) is absorbed: lane j absorbs the little-endian words at
 *       q+4j, q+16+4j, q+32+4j and q+48+4j (so word w of the four lanes is the 16 bytes at q+16w,
 *       a layout that loads straight into a 4-lane vector). After the last stripe L1..L3 merge into
 *       L0: L0 absorbs the block (A1^A2^A3, B1^B2^B3, C1^C2^C3, D1^D2^D3). The state is now L0.</li>
 *   <li><b>Blocks.</b> The remaining bytes (all of them when n &lt; 64, else fewer than 64) are cut
 *       into 16-byte blocks; a last partial block is padded with zero bytes (no block at all when
 *       nothing remains). The state absorbs each block, read as four little-endian words.</li>
 *   <li><b>Finish.</b> {@code A += S[10]}, {@code C += S[11]} (RC6's post-whitening);
 *       {@code lo = A | B << 32}, {@code hi = C | D << 32} (unsigned words);
 *       {@code x = lo ^ (hi * 0x9E3779B97F4A7C15)}; the result is the SplitMix64 finaliser of x:
 *       {@code x ^= x >>> 30; x *= 0xBF58476D1CE4E5B9; x ^= x >>> 27; x *= 0x94D049BB133111EB;
 *       x ^= x >>> 31}.</li>
 * </ol>
 * The length enters the initial state, so zero padding cannot make two lengths collide
 * systematically; the seed enters both the round keys and the state. Each 4-round absorb is a
 * bijection of the 128-bit state for a fixed block, so two inputs of equal length that differ only
 * in their last block never collide before the fold; lanes start from different states, so equal
 * stripes in two lanes do not cancel in the merge. The four lanes are independent chains, which
 * lets the CPU overlap them (and a vector unit run them side by side).
 *
 * <h2>Code shape</h2>
 * The 4-round absorb is written out in place wherever it runs (four lanes, merge, block loop, for
 * bytes and for chars, and the last block), so that every state word stays in a local variable:
 * Java has no allocation-free way to return four ints from a helper. Each copy uses only
 * {@link Rc6Round#quad} and {@link Rc6Round#step}; {@code Rc6HasherTest} checks the result for
 * every length 0 .. 400 against a plain implementation built on {@link Rc6Round#rounds}, and the
 * contract test ties the chars and long paths to the bytes path.
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
    /** Bytes per stripe of the four lanes. */
    static final int STRIPE_BYTES = 64;

    private static final long FOLD_MULTIPLIER = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio, odd
    private static final long SPLITMIX_M1 = 0xBF58476D1CE4E5B9L;     // SplitMix64 finaliser
    private static final long SPLITMIX_M2 = 0x94D049BB133111EBL;     // SplitMix64 finaliser
    private static final int BLOCK_BYTES = 16;
    private static final int BLOCK_CHARS = BLOCK_BYTES / 2;
    private static final int STRIPE_CHARS = STRIPE_BYTES / 2;
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
        final int k2 = k.s2;
        final int k3 = k.s3;
        final int k4 = k.s4;
        final int k5 = k.s5;
        final int k6 = k.s6;
        final int k7 = k.s7;
        final int k8 = k.s8;
        final int k9 = k.s9;
        int a = (int) seed;
        int b = (int) (seed >>> 32) + k.s0;
        int c = len;
        int d = k.s1;
        final int end = off + len;
        int p = off;
        if (len >= STRIPE_BYTES) {
            int a1 = a ^ 1;
            int b1 = b;
            int c1 = c;
            int d1 = d;
            int a2 = a ^ 2;
            int b2 = b;
            int c2 = c;
            int d2 = d;
            int a3 = a ^ 3;
            int b3 = b;
            int c3 = c;
            int d3 = d;
            for (; p <= end - STRIPE_BYTES; p += STRIPE_BYTES) {
                // lane 0
                a ^= LittleEndian.getInt(data, p);
                b ^= LittleEndian.getInt(data, p + 16);
                c ^= LittleEndian.getInt(data, p + 32);
                d ^= LittleEndian.getInt(data, p + 48);
                {
                    int t = Rc6Round.quad(b);
                    int u = Rc6Round.quad(d);
                    a = Rc6Round.step(a, t, u, k2);
                    c = Rc6Round.step(c, u, t, k3);
                    t = Rc6Round.quad(c);
                    u = Rc6Round.quad(a);
                    b = Rc6Round.step(b, t, u, k4);
                    d = Rc6Round.step(d, u, t, k5);
                    t = Rc6Round.quad(d);
                    u = Rc6Round.quad(b);
                    c = Rc6Round.step(c, t, u, k6);
                    a = Rc6Round.step(a, u, t, k7);
                    t = Rc6Round.quad(a);
                    u = Rc6Round.quad(c);
                    d = Rc6Round.step(d, t, u, k8);
                    b = Rc6Round.step(b, u, t, k9);
                }
                // lane 1
                a1 ^= LittleEndian.getInt(data, p + 4);
                b1 ^= LittleEndian.getInt(data, p + 20);
                c1 ^= LittleEndian.getInt(data, p + 36);
                d1 ^= LittleEndian.getInt(data, p + 52);
                {
                    int t = Rc6Round.quad(b1);
                    int u = Rc6Round.quad(d1);
                    a1 = Rc6Round.step(a1, t, u, k2);
                    c1 = Rc6Round.step(c1, u, t, k3);
                    t = Rc6Round.quad(c1);
                    u = Rc6Round.quad(a1);
                    b1 = Rc6Round.step(b1, t, u, k4);
                    d1 = Rc6Round.step(d1, u, t, k5);
                    t = Rc6Round.quad(d1);
                    u = Rc6Round.quad(b1);
                    c1 = Rc6Round.step(c1, t, u, k6);
                    a1 = Rc6Round.step(a1, u, t, k7);
                    t = Rc6Round.quad(a1);
                    u = Rc6Round.quad(c1);
                    d1 = Rc6Round.step(d1, t, u, k8);
                    b1 = Rc6Round.step(b1, u, t, k9);
                }
                // lane 2
                a2 ^= LittleEndian.getInt(data, p + 8);
                b2 ^= LittleEndian.getInt(data, p + 24);
                c2 ^= LittleEndian.getInt(data, p + 40);
                d2 ^= LittleEndian.getInt(data, p + 56);
                {
                    int t = Rc6Round.quad(b2);
                    int u = Rc6Round.quad(d2);
                    a2 = Rc6Round.step(a2, t, u, k2);
                    c2 = Rc6Round.step(c2, u, t, k3);
                    t = Rc6Round.quad(c2);
                    u = Rc6Round.quad(a2);
                    b2 = Rc6Round.step(b2, t, u, k4);
                    d2 = Rc6Round.step(d2, u, t, k5);
                    t = Rc6Round.quad(d2);
                    u = Rc6Round.quad(b2);
                    c2 = Rc6Round.step(c2, t, u, k6);
                    a2 = Rc6Round.step(a2, u, t, k7);
                    t = Rc6Round.quad(a2);
                    u = Rc6Round.quad(c2);
                    d2 = Rc6Round.step(d2, t, u, k8);
                    b2 = Rc6Round.step(b2, u, t, k9);
                }
                // lane 3
                a3 ^= LittleEndian.getInt(data, p + 12);
                b3 ^= LittleEndian.getInt(data, p + 28);
                c3 ^= LittleEndian.getInt(data, p + 44);
                d3 ^= LittleEndian.getInt(data, p + 60);
                {
                    int t = Rc6Round.quad(b3);
                    int u = Rc6Round.quad(d3);
                    a3 = Rc6Round.step(a3, t, u, k2);
                    c3 = Rc6Round.step(c3, u, t, k3);
                    t = Rc6Round.quad(c3);
                    u = Rc6Round.quad(a3);
                    b3 = Rc6Round.step(b3, t, u, k4);
                    d3 = Rc6Round.step(d3, u, t, k5);
                    t = Rc6Round.quad(d3);
                    u = Rc6Round.quad(b3);
                    c3 = Rc6Round.step(c3, t, u, k6);
                    a3 = Rc6Round.step(a3, u, t, k7);
                    t = Rc6Round.quad(a3);
                    u = Rc6Round.quad(c3);
                    d3 = Rc6Round.step(d3, t, u, k8);
                    b3 = Rc6Round.step(b3, u, t, k9);
                }
            }
            // merge lanes 1..3 into lane 0
            a ^= a1 ^ a2 ^ a3;
            b ^= b1 ^ b2 ^ b3;
            c ^= c1 ^ c2 ^ c3;
            d ^= d1 ^ d2 ^ d3;
            {
                int t = Rc6Round.quad(b);
                int u = Rc6Round.quad(d);
                a = Rc6Round.step(a, t, u, k2);
                c = Rc6Round.step(c, u, t, k3);
                t = Rc6Round.quad(c);
                u = Rc6Round.quad(a);
                b = Rc6Round.step(b, t, u, k4);
                d = Rc6Round.step(d, u, t, k5);
                t = Rc6Round.quad(d);
                u = Rc6Round.quad(b);
                c = Rc6Round.step(c, t, u, k6);
                a = Rc6Round.step(a, u, t, k7);
                t = Rc6Round.quad(a);
                u = Rc6Round.quad(c);
                d = Rc6Round.step(d, t, u, k8);
                b = Rc6Round.step(b, u, t, k9);
            }
        }
        for (; p <= end - BLOCK_BYTES; p += BLOCK_BYTES) {
            a ^= LittleEndian.getInt(data, p);
            b ^= LittleEndian.getInt(data, p + 4);
            c ^= LittleEndian.getInt(data, p + 8);
            d ^= LittleEndian.getInt(data, p + 12);
            {
                int t = Rc6Round.quad(b);
                int u = Rc6Round.quad(d);
                a = Rc6Round.step(a, t, u, k2);
                c = Rc6Round.step(c, u, t, k3);
                t = Rc6Round.quad(c);
                u = Rc6Round.quad(a);
                b = Rc6Round.step(b, t, u, k4);
                d = Rc6Round.step(d, u, t, k5);
                t = Rc6Round.quad(d);
                u = Rc6Round.quad(b);
                c = Rc6Round.step(c, t, u, k6);
                a = Rc6Round.step(a, u, t, k7);
                t = Rc6Round.quad(a);
                u = Rc6Round.quad(c);
                d = Rc6Round.step(d, t, u, k8);
                b = Rc6Round.step(b, u, t, k9);
            }
        }
        final int rest = end - p;
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
        final int k2 = k.s2;
        final int k3 = k.s3;
        final int k4 = k.s4;
        final int k5 = k.s5;
        final int k6 = k.s6;
        final int k7 = k.s7;
        final int k8 = k.s8;
        final int k9 = k.s9;
        final int n = s.length();
        int a = (int) seed;
        int b = (int) (seed >>> 32) + k.s0;
        int c = 2 * n;
        int d = k.s1;
        int i = 0;
        if (n >= STRIPE_CHARS) {
            int a1 = a ^ 1;
            int b1 = b;
            int c1 = c;
            int d1 = d;
            int a2 = a ^ 2;
            int b2 = b;
            int c2 = c;
            int d2 = d;
            int a3 = a ^ 3;
            int b3 = b;
            int c3 = c;
            int d3 = d;
            for (; i <= n - STRIPE_CHARS; i += STRIPE_CHARS) {
                // lane 0
                a ^= LittleEndian.charsInt(s, i);
                b ^= LittleEndian.charsInt(s, i + 8);
                c ^= LittleEndian.charsInt(s, i + 16);
                d ^= LittleEndian.charsInt(s, i + 24);
                {
                    int t = Rc6Round.quad(b);
                    int u = Rc6Round.quad(d);
                    a = Rc6Round.step(a, t, u, k2);
                    c = Rc6Round.step(c, u, t, k3);
                    t = Rc6Round.quad(c);
                    u = Rc6Round.quad(a);
                    b = Rc6Round.step(b, t, u, k4);
                    d = Rc6Round.step(d, u, t, k5);
                    t = Rc6Round.quad(d);
                    u = Rc6Round.quad(b);
                    c = Rc6Round.step(c, t, u, k6);
                    a = Rc6Round.step(a, u, t, k7);
                    t = Rc6Round.quad(a);
                    u = Rc6Round.quad(c);
                    d = Rc6Round.step(d, t, u, k8);
                    b = Rc6Round.step(b, u, t, k9);
                }
                // lane 1
                a1 ^= LittleEndian.charsInt(s, i + 2);
                b1 ^= LittleEndian.charsInt(s, i + 10);
                c1 ^= LittleEndian.charsInt(s, i + 18);
                d1 ^= LittleEndian.charsInt(s, i + 26);
                {
                    int t = Rc6Round.quad(b1);
                    int u = Rc6Round.quad(d1);
                    a1 = Rc6Round.step(a1, t, u, k2);
                    c1 = Rc6Round.step(c1, u, t, k3);
                    t = Rc6Round.quad(c1);
                    u = Rc6Round.quad(a1);
                    b1 = Rc6Round.step(b1, t, u, k4);
                    d1 = Rc6Round.step(d1, u, t, k5);
                    t = Rc6Round.quad(d1);
                    u = Rc6Round.quad(b1);
                    c1 = Rc6Round.step(c1, t, u, k6);
                    a1 = Rc6Round.step(a1, u, t, k7);
                    t = Rc6Round.quad(a1);
                    u = Rc6Round.quad(c1);
                    d1 = Rc6Round.step(d1, t, u, k8);
                    b1 = Rc6Round.step(b1, u, t, k9);
                }
                // lane 2
                a2 ^= LittleEndian.charsInt(s, i + 4);
                b2 ^= LittleEndian.charsInt(s, i + 12);
                c2 ^= LittleEndian.charsInt(s, i + 20);
                d2 ^= LittleEndian.charsInt(s, i + 28);
                {
                    int t = Rc6Round.quad(b2);
                    int u = Rc6Round.quad(d2);
                    a2 = Rc6Round.step(a2, t, u, k2);
                    c2 = Rc6Round.step(c2, u, t, k3);
                    t = Rc6Round.quad(c2);
                    u = Rc6Round.quad(a2);
                    b2 = Rc6Round.step(b2, t, u, k4);
                    d2 = Rc6Round.step(d2, u, t, k5);
                    t = Rc6Round.quad(d2);
                    u = Rc6Round.quad(b2);
                    c2 = Rc6Round.step(c2, t, u, k6);
                    a2 = Rc6Round.step(a2, u, t, k7);
                    t = Rc6Round.quad(a2);
                    u = Rc6Round.quad(c2);
                    d2 = Rc6Round.step(d2, t, u, k8);
                    b2 = Rc6Round.step(b2, u, t, k9);
                }
                // lane 3
                a3 ^= LittleEndian.charsInt(s, i + 6);
                b3 ^= LittleEndian.charsInt(s, i + 14);
                c3 ^= LittleEndian.charsInt(s, i + 22);
                d3 ^= LittleEndian.charsInt(s, i + 30);
                {
                    int t = Rc6Round.quad(b3);
                    int u = Rc6Round.quad(d3);
                    a3 = Rc6Round.step(a3, t, u, k2);
                    c3 = Rc6Round.step(c3, u, t, k3);
                    t = Rc6Round.quad(c3);
                    u = Rc6Round.quad(a3);
                    b3 = Rc6Round.step(b3, t, u, k4);
                    d3 = Rc6Round.step(d3, u, t, k5);
                    t = Rc6Round.quad(d3);
                    u = Rc6Round.quad(b3);
                    c3 = Rc6Round.step(c3, t, u, k6);
                    a3 = Rc6Round.step(a3, u, t, k7);
                    t = Rc6Round.quad(a3);
                    u = Rc6Round.quad(c3);
                    d3 = Rc6Round.step(d3, t, u, k8);
                    b3 = Rc6Round.step(b3, u, t, k9);
                }
            }
            // merge lanes 1..3 into lane 0
            a ^= a1 ^ a2 ^ a3;
            b ^= b1 ^ b2 ^ b3;
            c ^= c1 ^ c2 ^ c3;
            d ^= d1 ^ d2 ^ d3;
            {
                int t = Rc6Round.quad(b);
                int u = Rc6Round.quad(d);
                a = Rc6Round.step(a, t, u, k2);
                c = Rc6Round.step(c, u, t, k3);
                t = Rc6Round.quad(c);
                u = Rc6Round.quad(a);
                b = Rc6Round.step(b, t, u, k4);
                d = Rc6Round.step(d, u, t, k5);
                t = Rc6Round.quad(d);
                u = Rc6Round.quad(b);
                c = Rc6Round.step(c, t, u, k6);
                a = Rc6Round.step(a, u, t, k7);
                t = Rc6Round.quad(a);
                u = Rc6Round.quad(c);
                d = Rc6Round.step(d, t, u, k8);
                b = Rc6Round.step(b, u, t, k9);
            }
        }
        for (; i <= n - BLOCK_CHARS; i += BLOCK_CHARS) {
            a ^= LittleEndian.charsInt(s, i);
            b ^= LittleEndian.charsInt(s, i + 2);
            c ^= LittleEndian.charsInt(s, i + 4);
            d ^= LittleEndian.charsInt(s, i + 6);
            {
                int t = Rc6Round.quad(b);
                int u = Rc6Round.quad(d);
                a = Rc6Round.step(a, t, u, k2);
                c = Rc6Round.step(c, u, t, k3);
                t = Rc6Round.quad(c);
                u = Rc6Round.quad(a);
                b = Rc6Round.step(b, t, u, k4);
                d = Rc6Round.step(d, u, t, k5);
                t = Rc6Round.quad(d);
                u = Rc6Round.quad(b);
                c = Rc6Round.step(c, t, u, k6);
                a = Rc6Round.step(a, u, t, k7);
                t = Rc6Round.quad(a);
                u = Rc6Round.quad(c);
                d = Rc6Round.step(d, t, u, k8);
                b = Rc6Round.step(b, u, t, k9);
            }
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
        final int k2 = k.s2;
        final int k3 = k.s3;
        final int k4 = k.s4;
        final int k5 = k.s5;
        final int k6 = k.s6;
        final int k7 = k.s7;
        final int k8 = k.s8;
        final int k9 = k.s9;
        int a = a0;
        int b = b0;
        int c = c0;
        int d = d0;
        a ^= (int) lo;
        b ^= (int) (lo >>> 32);
        c ^= (int) hi;
        d ^= (int) (hi >>> 32);
        {
            int t = Rc6Round.quad(b);
            int u = Rc6Round.quad(d);
            a = Rc6Round.step(a, t, u, k2);
            c = Rc6Round.step(c, u, t, k3);
            t = Rc6Round.quad(c);
            u = Rc6Round.quad(a);
            b = Rc6Round.step(b, t, u, k4);
            d = Rc6Round.step(d, u, t, k5);
            t = Rc6Round.quad(d);
            u = Rc6Round.quad(b);
            c = Rc6Round.step(c, t, u, k6);
            a = Rc6Round.step(a, u, t, k7);
            t = Rc6Round.quad(a);
            u = Rc6Round.quad(c);
            d = Rc6Round.step(d, t, u, k8);
            b = Rc6Round.step(b, u, t, k9);
        }
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
