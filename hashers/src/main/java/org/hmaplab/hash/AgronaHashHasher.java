package org.hmaplab.hash;

/**
 * Agrona's long hash, {@code org.agrona.collections.Hashing.hash(long)} of Agrona 2.6.0, the peer
 * of the benchmarks. Its {@code Long2LongHashMap} calls {@code Hashing.evenHash(key, mask)}, which
 * is this function followed by {@code ((h << 1) - (h << 8)) & mask}, an even slot index for its
 * interleaved key/value array; that last step is the map's indexing and is not part of the hasher.
 * The function is the splitmix64 finaliser (Stafford's variant 13) folded to 32 bits:
 * <pre>
 *   x = (x ^ (x &gt;&gt;&gt; 30)) * 0xbf58476d1ce4e5b9
 *   x = (x ^ (x &gt;&gt;&gt; 27)) * 0x94d049bb133111eb
 *   x =  x ^ (x &gt;&gt;&gt; 31)
 *   hash = (int) x ^ (int) (x &gt;&gt;&gt; 32)
 * </pre>
 * The result is an {@code int}; it is widened to 64 bits the way Java widens an int (sign
 * extension), so the upper 32 bits of every output are copies of bit 31. A map that takes its
 * hash bits from the top (Go's tophash, a Swiss map's H2) sees only one bit there; that is what
 * using Agrona's hash in such a map means, and the quality suite shows it.
 *
 * <p>Agrona's hash is unseeded; here the seed enters by XOR into the key before mixing,
 * {@code hashLong(key, seed) = (long) hash(key ^ seed)}, so seed 0 is Agrona's function exactly
 * (pinned against Agrona itself in the tests).
 *
 * <p>A mixer for 8-byte keys: {@code hashBytes} and {@code hashChars} fold 8-byte words through it
 * ({@link WordFoldHasher}) only to keep the {@link Hasher} contract; this is not a general-purpose
 * byte hasher.
 */
public final class AgronaHashHasher extends WordFoldHasher {
    /** The singleton; the class is stateless. */
    public static final AgronaHashHasher INSTANCE = new AgronaHashHasher();

    private static final long M1 = 0xbf58476d1ce4e5b9L; // splitmix64 finaliser, first multiplier
    private static final long M2 = 0x94d049bb133111ebL; // splitmix64 finaliser, second multiplier
    private static final int S1 = 30;
    private static final int S2 = 27;
    private static final int S3 = 31;
    private static final int HALF = 32;

    private AgronaHashHasher() {
    }

    @Override
    public String name() {
        return "agrona-hash";
    }

    @Override
    public String family() {
        return "agrona";
    }

    @Override
    public long hashLong(long key, long seed) {
        long x = key ^ seed;
        x = (x ^ (x >>> S1)) * M1;
        x = (x ^ (x >>> S2)) * M2;
        x ^= x >>> S3;
        return (int) x ^ (int) (x >>> HALF);
    }
}
