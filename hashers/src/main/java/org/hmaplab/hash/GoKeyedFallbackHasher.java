package org.hmaplab.hash;

import static org.hmaplab.hash.GoFallbackHasher.mix;

import java.util.Objects;

/**
 * The fallback memory hash of Go 1.23 and later ({@code runtime/hash64.go} in Go 1.23 to 1.26,
 * {@code internal/runtime/maps/runtime_hash64.go} from Go 1.27: {@code memhashFallback},
 * {@code memhash64Fallback}), the hash the Go runtime uses on 64-bit platforms whose CPU lacks the
 * AES instructions (or with {@code GODEBUG=cpu.aes=off}); bit-exact for every length.
 *
 * <h2>Why it needs keys, and why it is not in the registry</h2>
 * Go 1.19 mixed with the constants {@code m1..m4} ({@link GoFallbackHasher}). Go 1.23 replaced
 * them by the four words {@code hashkey[0..3]} that every process draws at random at start-up
 * ({@code alg.go}, {@code alginit}); only {@code m5} stayed a constant. A hash is therefore
 * reproducible only together with the keys of the process that computed it, so this hasher is
 * built from those keys ({@link #withProcessKeys}), typically the ones a Go program printed with
 * its trace. It has no key-free default, which is why {@link Hashers}' registry, whose entries
 * are built by name alone, does not list it; with the keys set to {@code m1..m4} it computes
 * Go 1.19's hash, as {@link GoFallbackHasher} does.
 *
 * <h2>Algorithm (k0..k3 = hashkey[0..3]; otherwise as in {@link GoFallbackHasher})</h2>
 * <pre>
 * 8-byte key (memhash64Fallback):  mix(m5 ^ 8, mix(key ^ k1, key ^ seed ^ k0))
 * bytes: seed ^= k0, then Go 1.19's algorithm with m2, m3, m4 replaced by k1, k2, k3
 * </pre>
 * The seed is the map's own seed ({@code Map.seed} for the Swiss map), not XORed with anything.
 */
public final class GoKeyedFallbackHasher implements Hasher {
    /** The number of process keys Go draws ({@code var hashkey [4]uintptr}). */
    public static final int KEY_COUNT = 4;

    private static final long M5 = 0x1d8e4e27c47d124fL; // hash64.go m5

    private static final int BYTES_PER_LONG = 8;
    private static final int BYTES_PER_INT = 4;
    private static final int BLOCK = 16;        // bytes per mix in the tail loop
    private static final int LANES_BLOCK = 48;  // bytes per round of the three-lane loop
    private static final int BYTE_MASK = 0xff;
    private static final long INT_MASK = 0xffffffffL;

    private final long k0;
    private final long k1;
    private final long k2;
    private final long k3;

    private GoKeyedFallbackHasher(long k0, long k1, long k2, long k3) {
        this.k0 = k0;
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
    }

    /**
     * The hash of a Go process whose {@code runtime.hashkey} held these four words.
     *
     * @param hashkey {@code hashkey[0..3]}, exactly {@link #KEY_COUNT} words
     * @return the hasher
     * @throws IllegalArgumentException if there are not exactly four keys
     */
    public static GoKeyedFallbackHasher withProcessKeys(long... hashkey) {
        if (hashkey.length != KEY_COUNT) {
            throw new IllegalArgumentException("Go's hashkey has " + KEY_COUNT + " words, got " + hashkey.length);
        }
        return new GoKeyedFallbackHasher(hashkey[0], hashkey[1], hashkey[2], hashkey[3]);
    }

    /** The keys, {@code hashkey[0..3]}. */
    public long[] processKeys() {
        return new long[] {k0, k1, k2, k3};
    }

    @Override
    public String name() {
        return "go123";
    }

    @Override
    public String family() {
        return "go";
    }

    @Override
    public long hashLong(long key, long seed) {
        return mix(M5 ^ BYTES_PER_LONG, mix(key ^ k1, key ^ seed ^ k0));
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        long h = seed ^ k0;
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
                    h = mix(LittleEndian.getLong(data, p) ^ k1, LittleEndian.getLong(data, p + 8) ^ h);
                    h1 = mix(LittleEndian.getLong(data, p + 16) ^ k2, LittleEndian.getLong(data, p + 24) ^ h1);
                    h2 = mix(LittleEndian.getLong(data, p + 32) ^ k3, LittleEndian.getLong(data, p + 40) ^ h2);
                    p += LANES_BLOCK;
                }
                h ^= h1 ^ h2;
            }
            for (; l > BLOCK; l -= BLOCK) {
                h = mix(LittleEndian.getLong(data, p) ^ k1, LittleEndian.getLong(data, p + 8) ^ h);
                p += BLOCK;
            }
            a = LittleEndian.getLong(data, p + l - BLOCK);
            b = LittleEndian.getLong(data, p + l - BYTES_PER_LONG);
        }
        return mix(M5 ^ len, mix(a ^ k1, b ^ h));
    }

    /**
     * The same computation over the UTF-16LE bytes of {@code s}. Their count is even, and so is
     * every offset the algorithm reads at, so each 8-byte read is 4 whole chars and each 4-byte
     * read 2 whole chars.
     */
    @Override
    public long hashChars(CharSequence s, long seed) {
        final int len = s.length() * 2;
        long h = seed ^ k0;
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
                    h = mix(LittleEndian.charsLong(s, c) ^ k1, LittleEndian.charsLong(s, c + 4) ^ h);
                    h1 = mix(LittleEndian.charsLong(s, c + 8) ^ k2, LittleEndian.charsLong(s, c + 12) ^ h1);
                    h2 = mix(LittleEndian.charsLong(s, c + 16) ^ k3, LittleEndian.charsLong(s, c + 20) ^ h2);
                    c += LANES_BLOCK / 2;
                }
                h ^= h1 ^ h2;
            }
            for (; l > BLOCK; l -= BLOCK) {
                h = mix(LittleEndian.charsLong(s, c) ^ k1, LittleEndian.charsLong(s, c + 4) ^ h);
                c += BLOCK / 2;
            }
            a = LittleEndian.charsLong(s, c + ((l - BLOCK) >> 1)); // may reach back before c, as Go does
            b = LittleEndian.charsLong(s, c + ((l - BYTES_PER_LONG) >> 1));
        }
        return mix(M5 ^ len, mix(a ^ k1, b ^ h));
    }
}
