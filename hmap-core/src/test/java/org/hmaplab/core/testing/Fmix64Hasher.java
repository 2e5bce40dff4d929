package org.hmaplab.core.testing;

import org.hmaplab.hash.Hasher;

/**
 * Test-only hasher with well-spread output: MurmurHash3's 64-bit finaliser {@code fmix64}
 * (Austin Appleby, MurmurHash3.cpp) applied to {@code key ^ seed}. The map tests use it where they
 * need random-looking hashes without depending on the hashers module's registry.
 * {@code hashBytes} reads 8 bytes as a little-endian long (the Hasher contract) and folds longer
 * inputs 8 bytes at a time.
 */
public final class Fmix64Hasher implements Hasher {
    public static final Fmix64Hasher INSTANCE = new Fmix64Hasher();

    @Override
    public String name() {
        return "fmix64-test";
    }

    @Override
    public long hashLong(long key, long seed) {
        long z = key ^ seed;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        long h = len == Long.BYTES ? 0 : len;
        for (int i = 0; i < len; i += Long.BYTES) {
            long v = 0;
            for (int j = Math.min(Long.BYTES, len - i) - 1; j >= 0; j--) {
                v = (v << 8) | (data[off + i + j] & 0xffL);
            }
            h = i == 0 ? v ^ h : hashLong(h, v);
        }
        return hashLong(h, seed);
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
}
