package org.hmaplab.hash;

/**
 * fastutil's mixer, {@code it.unimi.dsi.fastutil.HashCommon.mix(long)}, the hash its
 * {@code Long2LongOpenHashMap} applies to every key (fastutil 8.5, the peer of the benchmarks):
 * <pre>
 *   h = x * 0x9e3779b97f4a7c15   (mod 2^64; 2^64 divided by the golden ratio)
 *   h ^= h &gt;&gt;&gt; 32
 *   h ^= h &gt;&gt;&gt; 16
 * </pre>
 * a bijection of the 64-bit keys, 64 bits out. fastutil's mixer is unseeded; here the seed enters
 * by XOR into the key before mixing, {@code hashLong(key, seed) = mix(key ^ seed)}, so seed 0 is
 * fastutil's function exactly (pinned against fastutil itself in the tests).
 *
 * <p>A mixer for 8-byte keys: {@code hashBytes} and {@code hashChars} fold 8-byte words through it
 * ({@link WordFoldHasher}) only to keep the {@link Hasher} contract; this is not a general-purpose
 * byte hasher.
 */
public final class FastutilMixHasher extends WordFoldHasher {
    /** The singleton; the class is stateless. */
    public static final FastutilMixHasher INSTANCE = new FastutilMixHasher();

    private static final long PHI = 0x9e3779b97f4a7c15L; // 2^64 / golden ratio, fastutil's INT_PHI's long twin
    private static final int FIRST_SHIFT = 32;
    private static final int SECOND_SHIFT = 16;

    private FastutilMixHasher() {
    }

    @Override
    public String name() {
        return "fastutil-mix";
    }

    @Override
    public String family() {
        return "fastutil";
    }

    @Override
    public long hashLong(long key, long seed) {
        long h = (key ^ seed) * PHI;
        h ^= h >>> FIRST_SHIFT;
        return h ^ (h >>> SECOND_SHIFT);
    }
}
