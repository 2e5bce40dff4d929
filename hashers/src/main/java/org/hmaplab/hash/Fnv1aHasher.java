package org.hmaplab.hash;

import java.util.Objects;

/**
 * FNV-1a 64 (Fowler, Noll, Vo), seeded by XOR into the offset basis.
 *
 * <p>State {@code 0xcbf29ce484222325 ^ seed}; for every byte {@code b}, in order:
 * {@code state ^= b; state *= 0x100000001b3} (mod 2^64); the result is the final state. Seed 0
 * gives the canonical FNV-1a 64 values of the FNV reference ({@code fnv_64a_buf}).
 *
 * <p>The byte loop reads 8 bytes at a time with one little-endian load and feeds them lowest byte
 * first, which is the same byte order; {@code hashLong} and {@code hashChars} feed the bytes of
 * the long and the UTF-16LE bytes of the chars the same way, so every entry point agrees.
 */
public final class Fnv1aHasher implements Hasher {
    /** The singleton; the class is stateless. */
    public static final Fnv1aHasher INSTANCE = new Fnv1aHasher();

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L; // FNV-1a 64 initial state
    private static final long PRIME = 0x100000001b3L;             // FNV 64-bit prime
    private static final int BYTE_MASK = 0xff;
    private static final int BITS_PER_BYTE = 8;
    private static final int BYTES_PER_LONG = 8;

    private Fnv1aHasher() {
    }

    @Override
    public String name() {
        return "fnv1a";
    }

    @Override
    public String family() {
        return "fnv";
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        long h = OFFSET_BASIS ^ seed;
        int i = off;
        final int end = off + len;
        final int wordsEnd = end - BYTES_PER_LONG;
        while (i <= wordsEnd) {
            h = mixLong(h, LittleEndian.getLong(data, i));
            i += BYTES_PER_LONG;
        }
        while (i < end) {
            h = (h ^ (data[i] & BYTE_MASK)) * PRIME;
            i++;
        }
        return h;
    }

    @Override
    public long hashLong(long key, long seed) {
        return mixLong(OFFSET_BASIS ^ seed, key);
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        long h = OFFSET_BASIS ^ seed;
        final int n = s.length();
        for (int i = 0; i < n; i++) {
            final char c = s.charAt(i);
            h = (h ^ (c & BYTE_MASK)) * PRIME;
            h = (h ^ (c >>> BITS_PER_BYTE)) * PRIME;
        }
        return h;
    }

    /** Feeds the 8 bytes of {@code word}, lowest first, into state {@code h}. */
    private static long mixLong(long h, long word) {
        long state = h;
        long w = word;
        for (int b = 0; b < BYTES_PER_LONG; b++) {
            state = (state ^ (w & BYTE_MASK)) * PRIME;
            w >>>= BITS_PER_BYTE;
        }
        return state;
    }
}
