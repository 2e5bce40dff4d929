package org.hmaplab.core.testing;

import org.hmaplab.hash.Hasher;

/**
 * Test-only hasher that spreads keys over buckets and tophash values: the bytes are folded into a
 * long as {@link IdentityHasher} does, then put through SplitMix64's finaliser. It keeps the Hasher
 * contract (hashLong equals hashBytes of the 8 little-endian bytes, hashChars equals hashBytes of
 * the UTF-16LE code units), so the map under test sees a realistic, reproducible hash.
 */
public final class MixingHasher implements Hasher {
    public static final MixingHasher INSTANCE = new MixingHasher();

    @Override
    public String name() {
        return "mixing";
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        return mix(IdentityHasher.INSTANCE.hashBytes(data, off, len, seed));
    }

    @Override
    public long hashLong(long key, long seed) {
        return mix(key ^ seed);
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        return mix(IdentityHasher.INSTANCE.hashChars(s, seed));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
