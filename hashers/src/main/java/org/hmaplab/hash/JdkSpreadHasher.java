package org.hmaplab.hash;

/**
 * The JDK {@code HashMap}'s hash of a {@code Long} key: {@code Long.hashCode(key)}, the XOR of the
 * key's two 32-bit halves, then {@code HashMap.hash}'s spread {@code h ^ (h >>> 16)}, which folds
 * the high 16 bits into the low ones because the table index takes only the low bits.
 * <pre>
 *   h = (int) (x ^ (x &gt;&gt;&gt; 32))
 *   hash = h ^ (h &gt;&gt;&gt; 16)
 * </pre>
 * The result is an {@code int}, widened to 64 bits the way Java widens an int (sign extension),
 * so the upper 32 bits of every output are copies of bit 31. It is hardly a mixer at all: nearby
 * keys give nearby hashes, which the JDK's table tolerates (it chains, and turns long chains into
 * trees) and open addressing does not; the quality suite records how it fails.
 *
 * <p>The JDK's hash is unseeded. Here the seed is added to the key (mod 2^64) before
 * {@code Long.hashCode}: {@code hashLong(key, seed) = (long) spread(Long.hashCode(key + seed))}, so
 * seed 0 is the JDK's function exactly. XOR would not do: {@code Long.hashCode} is itself an XOR of
 * the halves, so every seed whose halves are equal (-1, for one) would cancel out and act as seed 0.
 *
 * <p>A mixer for 8-byte keys: {@code hashBytes} and {@code hashChars} fold 8-byte words through it
 * ({@link WordFoldHasher}) only to keep the {@link Hasher} contract; this is not a general-purpose
 * byte hasher (its 32-bit state loses half of every word).
 */
public final class JdkSpreadHasher extends WordFoldHasher {
    /** The singleton; the class is stateless. */
    public static final JdkSpreadHasher INSTANCE = new JdkSpreadHasher();

    private static final int SPREAD_SHIFT = 16; // HashMap.hash: h ^ (h >>> 16)

    private JdkSpreadHasher() {
    }

    @Override
    public String name() {
        return "jdk-spread";
    }

    @Override
    public String family() {
        return "jdk";
    }

    @Override
    public long hashLong(long key, long seed) {
        final int h = Long.hashCode(key + seed);
        return h ^ (h >>> SPREAD_SHIFT);
    }
}
