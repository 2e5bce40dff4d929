package org.hmaplab.core.testing;

import org.hmaplab.hash.Hasher;

/**
 * Test-only hasher whose hash of a long key is the key itself, XORed with the seed. A test picks
 * a key's bucket (its low B bits) and its tophash (its top byte) by picking the key, e.g.
 * {@code key(bucket, top, n)}, so that overflow chains, evacuation and tophash collisions happen
 * exactly where the test wants them.
 *
 * <p>It keeps the Hasher contract: {@code hashBytes} of 8 bytes reads them as a little-endian
 * long; other lengths fold the bytes into a long the same way (8 bytes at a time, XORed) and mix
 * in the length, which is enough for the few String keys tests use.
 */
public final class IdentityHasher implements Hasher {
    public static final IdentityHasher INSTANCE = new IdentityHasher();

    /** A key whose hash (with seed 0) has low bits {@code bucket}, top byte {@code top}, and {@code n} in between. */
    public static long key(long bucket, int top, long n) {
        if (top < 0 || top > 0xff) {
            throw new IllegalArgumentException("top byte must be in 0..255, was " + top);
        }
        return ((long) top << 56) | (n << 24) | bucket;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        if (len == Long.BYTES) {
            return readLittleEndian(data, off, Long.BYTES) ^ seed;
        }
        long h = seed ^ ((long) len << 56);
        for (int i = 0; i < len; i += Long.BYTES) {
            h ^= readLittleEndian(data, off + i, Math.min(Long.BYTES, len - i)) * (i / Long.BYTES + 1);
        }
        return h;
    }

    @Override
    public long hashLong(long key, long seed) {
        return key ^ seed;
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        byte[] bytes = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            bytes[2 * i] = (byte) s.charAt(i);
            bytes[2 * i + 1] = (byte) (s.charAt(i) >>> 8);
        }
        return hashBytes(bytes, 0, bytes.length, seed);
    }

    private static long readLittleEndian(byte[] data, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[off + i] & 0xffL);
        }
        return v;
    }
}
