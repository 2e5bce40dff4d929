package org.hmaplab.hash;

/**
 * wyhash's 64-bit integer hash {@code wyhash64(A, B)} of wyhash.h "final version 4.3" (Wang Yi,
 * github.com/wangyi-fudan/wyhash, default {@code WYHASH_CONDOM 1}): a 64x64 -&gt; 128-bit multiply
 * whose two halves are XOR-folded, done twice.
 * <pre>
 *   mum(a, b)      = (lo, hi) of the unsigned 128-bit product a * b
 *   (a, b)         = mum(A ^ P0, B ^ P1)
 *   (lo, hi)       = mum(a ^ P0, b ^ P1)
 *   wyhash64(A, B) = lo ^ hi
 * </pre>
 * with {@code P0 = 0x2d358dccaa6c78a5} and {@code P1 = 0x8bb84b93962eacc9}. The key is {@code A}
 * and the seed is {@code B}: {@code hashLong(key, seed) = wyhash64(key, seed)}, the reference's own
 * two arguments, so every seed matches the reference C (vectors in the tests). The low half of each
 * product is a plain {@code *}, the high half {@link Math#unsignedMultiplyHigh}.
 *
 * <p>This is not the registered {@code wyhash} (Zero-Allocation-Hashing's port of wyhash version 3
 * over bytes) and not wyhash's 8-byte byte path: it is the integer mixer a map over long keys would
 * inline. A mixer for 8-byte keys: {@code hashBytes} and {@code hashChars} fold 8-byte words
 * through it ({@link WordFoldHasher}) only to keep the {@link Hasher} contract; this is not a
 * general-purpose byte hasher.
 */
public final class WyMixHasher extends WordFoldHasher {
    /** The singleton; the class is stateless. */
    public static final WyMixHasher INSTANCE = new WyMixHasher();

    private static final long P0 = 0x2d358dccaa6c78a5L; // wyhash64's first constant
    private static final long P1 = 0x8bb84b93962eacc9L; // wyhash64's second constant

    private WyMixHasher() {
    }

    @Override
    public String name() {
        return "wymix";
    }

    @Override
    public String family() {
        return "wyhash";
    }

    @Override
    public long hashLong(long key, long seed) {
        final long a = key ^ P0;
        final long b = seed ^ P1;
        final long lo = a * b;
        final long hi = Math.unsignedMultiplyHigh(a, b);
        final long c = lo ^ P0;
        final long d = hi ^ P1;
        return (c * d) ^ Math.unsignedMultiplyHigh(c, d);
    }
}
