package org.hmaplab.hash;

import java.util.Objects;

/**
 * A hasher built from a 64-bit mixer for 8-byte keys, with byte and char entry points made by
 * folding 8-byte words through that mixer: the base of the peers' mixers ({@link FastutilMixHasher},
 * {@link AgronaHashHasher}, {@link JdkSpreadHasher}, {@link WyMixHasher}).
 *
 * <p>A subclass defines only {@link #hashLong(long, long)}, the mixer with the seed entering as
 * that class documents. The byte stream of {@link Hasher#hashBytes} is then hashed as follows:
 * <ol>
 *   <li>the state starts as the seed;</li>
 *   <li>for every full 8-byte little-endian word {@code w}, in order:
 *       {@code state = hashLong(w, state)};</li>
 *   <li>if the length is not a multiple of 8, or is 0, the remaining {@code r} bytes (0 to 7) form
 *       one last word padded the way SHA pads a message: the bytes little-endian, then the byte
 *       {@code 0x80} at byte position {@code r}, then zeros; {@code state = hashLong(tail, state)};</li>
 *   <li>the result is the state.</li>
 * </ol>
 * So 8 bytes hash to exactly {@code hashLong(key, seed)}, as the {@link Hasher} contract demands,
 * and the padding keeps inputs of different lengths below 8 apart ("a" and "a\0" differ). Inputs
 * whose length is a multiple of 8 carry no length, so longer inputs can collide on purpose-made
 * words; these are mixers for 8-byte keys, the byte entry points exist to keep the contract and are
 * not a general-purpose byte hasher. {@link #hashChars} hashes the UTF-16LE bytes of the chars the
 * same way, 4 chars per word.
 */
abstract class WordFoldHasher implements Hasher {
    private static final int BYTES_PER_LONG = 8;
    private static final int CHARS_PER_LONG = 4;
    private static final int BITS_PER_BYTE = 8;
    private static final int BITS_PER_CHAR = 16;
    private static final int BYTE_MASK = 0xff;
    private static final long PAD = 0x80L; // the padding byte after the last input byte

    @Override
    public final long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        long h = seed;
        int i = off;
        final int end = off + len;
        final int wordsEnd = end - BYTES_PER_LONG;
        while (i <= wordsEnd) {
            h = hashLong(LittleEndian.getLong(data, i), h);
            i += BYTES_PER_LONG;
        }
        final int r = end - i;
        if (r != 0 || len == 0) {
            long tail = PAD << (BITS_PER_BYTE * r);
            for (int b = 0; b < r; b++) {
                tail |= (long) (data[i + b] & BYTE_MASK) << (BITS_PER_BYTE * b);
            }
            h = hashLong(tail, h);
        }
        return h;
    }

    @Override
    public final long hashChars(CharSequence s, long seed) {
        long h = seed;
        final int n = s.length();
        int i = 0;
        while (i <= n - CHARS_PER_LONG) {
            h = hashLong(LittleEndian.charsLong(s, i), h);
            i += CHARS_PER_LONG;
        }
        final int rest = n - i;
        if (rest != 0 || n == 0) {
            long tail = PAD << (BITS_PER_CHAR * rest);
            for (int c = 0; c < rest; c++) {
                tail |= (long) s.charAt(i + c) << (BITS_PER_CHAR * c);
            }
            h = hashLong(tail, h);
        }
        return h;
    }
}
