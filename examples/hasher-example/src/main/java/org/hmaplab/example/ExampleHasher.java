package org.hmaplab.example;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import org.hmaplab.hash.Hasher;

/**
 * An example extension: a word-at-a-time hash, {@code h = mix(h ^ word)} from
 * {@code h = (seed ^ SEED_OFFSET) * SEED_SPREAD} over the input's little-endian 8-byte words, the
 * zero-padded tail as one more word, and the length mixed in at the end; {@code mix} is a 64-bit
 * xor-shift-multiply finaliser. It is here to show the shape of an extension (a {@link Hasher}
 * with a public no-argument constructor, named in {@code META-INF/services/org.hmaplab.hash.Hasher}),
 * not as a recommended function.
 */
public final class ExampleHasher implements Hasher {

    private static final long SEED_SPREAD = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio, odd
    private static final long SEED_OFFSET = 0x6A09E667F3BCC909L; // frac(sqrt 2), so seed 0 does not start at 0
    private static final long MIX_MULTIPLIER = 0xD6E8FEB86659FD93L; // odd, as in xor-shift-multiply mixers
    private static final VarHandle LONG_LE =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    @Override
    public String name() {
        return "example-xsm";
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        long h = start(seed);
        int i = off;
        for (int end = off + len - Long.BYTES; i <= end; i += Long.BYTES) {
            h = mix(h ^ (long) LONG_LE.get(data, i));
        }
        long tail = 0;
        for (int shift = 0; i < off + len; i++, shift += Byte.SIZE) {
            tail |= (data[i] & 0xFFL) << shift;
        }
        return mix(mix(h ^ tail) ^ len);
    }

    @Override
    public long hashLong(long key, long seed) {
        return mix(mix(mix(start(seed) ^ key)) ^ Long.BYTES); // one word, an empty tail, length 8
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        byte[] utf16le = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            utf16le[2 * i] = (byte) s.charAt(i);
            utf16le[2 * i + 1] = (byte) (s.charAt(i) >>> Byte.SIZE);
        }
        return hashBytes(utf16le, 0, utf16le.length, seed);
    }

    private static long start(long seed) {
        return (seed ^ SEED_OFFSET) * SEED_SPREAD;
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 32)) * MIX_MULTIPLIER;
        x = (x ^ (x >>> 29)) * MIX_MULTIPLIER;
        return x ^ (x >>> 32);
    }
}
