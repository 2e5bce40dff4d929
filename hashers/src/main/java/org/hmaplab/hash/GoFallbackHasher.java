package org.hmaplab.hash;

import java.util.Objects;

/**
 * Go 1.19's fallback memory hash ({@code runtime/hash64.go}, {@code memhashFallback} and
 * {@code memhash64Fallback}), the hash the Go runtime uses on 64-bit platforms whose CPU lacks
 * the AES instructions; bit-exact.
 *
 * <h2>Seed</h2>
 * Go starts with {@code seed ^= hashkey[0] ^ m1}, where {@code seed} is the map's {@code hash0}
 * and {@code hashkey[0]} a per-process random word; the two only ever appear XORed together. Our
 * seed stands for that XOR, {@code hash0 ^ hashkey[0]}: this hasher computes
 * {@code memhashFallback} with {@code hashkey[0] = 0}, which is exact because nothing else reads
 * {@code hashkey[0]}.
 *
 * <h2>Algorithm (s = length in bytes, r8/r4 little-endian loads, mix(a, b) = hi ^ lo of the
 * unsigned 128-bit product)</h2>
 * <pre>
 * seed ^= m1
 * s == 0:     return seed
 * s &lt; 4:      a = p[0] | p[s/2] &lt;&lt; 8 | p[s-1] &lt;&lt; 16; b = 0
 * s == 4:     a = b = r4(p)
 * s &lt; 8:      a = r4(p); b = r4(p+s-4)
 * s == 8:     a = b = r8(p)
 * s &lt;= 16:    a = r8(p); b = r8(p+s-8)
 * otherwise:  while more than 48 bytes remain, three lanes eat 48 bytes:
 *               seed  = mix(r8(p)^m2,    r8(p+8)^seed)
 *               seed1 = mix(r8(p+16)^m3, r8(p+24)^seed1)
 *               seed2 = mix(r8(p+32)^m4, r8(p+40)^seed2)       (seed1 = seed2 = seed at start)
 *             then seed ^= seed1 ^ seed2 (only if the lane loop ran);
 *             while more than 16 remain: seed = mix(r8(p)^m2, r8(p+8)^seed), p += 16;
 *             a = r8(end-16); b = r8(end-8)
 * return mix(m5 ^ s, mix(a ^ m2, b ^ seed))
 * </pre>
 * For 8 bytes this equals {@code memhash64Fallback}, so {@code hashLong} keeps the contract.
 */
public final class GoFallbackHasher implements Hasher {
    /** The singleton; the class is stateless. */
    public static final GoFallbackHasher INSTANCE = new GoFallbackHasher();

    private static final long M1 = 0xa0761d6478bd642fL; // hash64.go m1
    private static final long M2 = 0xe7037ed1a0b428dbL; // hash64.go m2
    private static final long M3 = 0x8ebc6af09c88c6e3L; // hash64.go m3
    private static final long M4 = 0x589965cc75374cc3L; // hash64.go m4
    private static final long M5 = 0x1d8e4e27c47d124fL; // hash64.go m5

    private static final int BYTES_PER_LONG = 8;
    private static final int BYTES_PER_INT = 4;
    private static final int BLOCK = 16;        // bytes per mix in the tail loop
    private static final int LANES_BLOCK = 48;  // bytes per round of the three-lane loop
    private static final int BYTE_MASK = 0xff;
    private static final long INT_MASK = 0xffffffffL;

    private GoFallbackHasher() {
    }

    @Override
    public String name() {
        return "go";
    }

    @Override
    public String family() {
        return "go";
    }

    /** Go's {@code mix}: hi XOR lo of the unsigned 128-bit product. */
    static long mix(long a, long b) {
        return Math.unsignedMultiplyHigh(a, b) ^ (a * b);
    }

    @Override
    public long hashLong(long key, long seed) {
        return mix(M5 ^ BYTES_PER_LONG, mix(key ^ M2, key ^ seed ^ M1));
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        long h = seed ^ M1;
        final long a;
        final long b;
        if (len == 0) {
            return h;
        } else if (len < BYTES_PER_INT) {
            a = (data[off] & BYTE_MASK)
                    | (data[off + (len >>> 1)] & BYTE_MASK) << 8
                    | (data[off + len - 1] & BYTE_MASK) << 16;
            b = 0;
        } else if (len == BYTES_PER_INT) {
            a = LittleEndian.getUnsignedInt(data, off);
            b = a;
        } else if (len < BYTES_PER_LONG) {
            a = LittleEndian.getUnsignedInt(data, off);
            b = LittleEndian.getUnsignedInt(data, off + len - BYTES_PER_INT);
        } else if (len == BYTES_PER_LONG) {
            a = LittleEndian.getLong(data, off);
            b = a;
        } else if (len <= BLOCK) {
            a = LittleEndian.getLong(data, off);
            b = LittleEndian.getLong(data, off + len - BYTES_PER_LONG);
        } else {
            int p = off;
            int l = len;
            if (l > LANES_BLOCK) {
                long h1 = h;
                long h2 = h;
                for (; l > LANES_BLOCK; l -= LANES_BLOCK) {
                    h = mix(LittleEndian.getLong(data, p) ^ M2, LittleEndian.getLong(data, p + 8) ^ h);
                    h1 = mix(LittleEndian.getLong(data, p + 16) ^ M3, LittleEndian.getLong(data, p + 24) ^ h1);
                    h2 = mix(LittleEndian.getLong(data, p + 32) ^ M4, LittleEndian.getLong(data, p + 40) ^ h2);
                    p += LANES_BLOCK;
                }
                h ^= h1 ^ h2;
            }
            for (; l > BLOCK; l -= BLOCK) {
                h = mix(LittleEndian.getLong(data, p) ^ M2, LittleEndian.getLong(data, p + 8) ^ h);
                p += BLOCK;
            }
            a = LittleEndian.getLong(data, p + l - BLOCK);
            b = LittleEndian.getLong(data, p + l - BYTES_PER_LONG);
        }
        return mix(M5 ^ len, mix(a ^ M2, b ^ h));
    }

    /**
     * The same computation over the UTF-16LE bytes of {@code s}. Their count is even, and so is
     * every offset the algorithm reads at, so each 8-byte read is 4 whole chars and each 4-byte
     * read 2 whole chars.
     */
    @Override
    public long hashChars(CharSequence s, long seed) {
        final int len = s.length() * 2;
        long h = seed ^ M1;
        final long a;
        final long b;
        if (len == 0) {
            return h;
        } else if (len < BYTES_PER_INT) {
            // one char: bytes p[0], p[len/2] = p[1], p[len-1] = p[1]
            final int c = s.charAt(0);
            final int high = c >>> 8;
            a = (c & BYTE_MASK) | high << 8 | high << 16;
            b = 0;
        } else if (len == BYTES_PER_INT) {
            a = LittleEndian.charsInt(s, 0) & INT_MASK;
            b = a;
        } else if (len < BYTES_PER_LONG) {
            a = LittleEndian.charsInt(s, 0) & INT_MASK;
            b = LittleEndian.charsInt(s, (len - BYTES_PER_INT) >>> 1) & INT_MASK;
        } else if (len == BYTES_PER_LONG) {
            a = LittleEndian.charsLong(s, 0);
            b = a;
        } else if (len <= BLOCK) {
            a = LittleEndian.charsLong(s, 0);
            b = LittleEndian.charsLong(s, (len - BYTES_PER_LONG) >>> 1);
        } else {
            int c = 0; // char index of byte p
            int l = len;
            if (l > LANES_BLOCK) {
                long h1 = h;
                long h2 = h;
                for (; l > LANES_BLOCK; l -= LANES_BLOCK) {
                    h = mix(LittleEndian.charsLong(s, c) ^ M2, LittleEndian.charsLong(s, c + 4) ^ h);
                    h1 = mix(LittleEndian.charsLong(s, c + 8) ^ M3, LittleEndian.charsLong(s, c + 12) ^ h1);
                    h2 = mix(LittleEndian.charsLong(s, c + 16) ^ M4, LittleEndian.charsLong(s, c + 20) ^ h2);
                    c += LANES_BLOCK / 2;
                }
                h ^= h1 ^ h2;
            }
            for (; l > BLOCK; l -= BLOCK) {
                h = mix(LittleEndian.charsLong(s, c) ^ M2, LittleEndian.charsLong(s, c + 4) ^ h);
                c += BLOCK / 2;
            }
            a = LittleEndian.charsLong(s, c + ((l - BLOCK) >> 1)); // may reach back before c, as Go does
            b = LittleEndian.charsLong(s, c + ((l - BYTES_PER_LONG) >> 1));
        }
        return mix(M5 ^ len, mix(a ^ M2, b ^ h));
    }
}
