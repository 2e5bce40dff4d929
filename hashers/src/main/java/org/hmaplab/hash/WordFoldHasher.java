package org.hmaplab.hash;

import java.util.Objects;

/**
 * A hasher built from a 64-bit mixer for 8-byte keys, with byte and char entry points made by
 * folding 8-byte words through that mixer: the base of the peers' mixers ({@link FastutilMixHasher},
 * {@link AgronaHashHasher}, {@link JdkSpreadHasher}, {@link WyMixHasher}).
 *
 * <p>A subclass defines only {@link #hashLong(long, long)}, the mixer with the seed entering as
 * that class documents. A byte stream of length {@code len} is hashed by {@link Hasher#hashBytes}
 * as follows:
 * <ol>
 *   <li>{@code len == 8}: the result is {@code hashLong(w, seed)} of the one little-endian word
 *       {@code w}, as the {@link Hasher} contract demands; nothing else is mixed in.</li>
 *   <li>Any other length: the state starts as the seed; for every full 8-byte little-endian word
 *       {@code w}, in order, {@code state = hashLong(w, state)}; if {@code len} is not a multiple
 *       of 8, or is 0, the remaining {@code r} bytes (0 to 7) form one more word padded the way SHA
 *       pads a message (the bytes little-endian, then the byte {@code 0x80} at byte position
 *       {@code r}, then zeros) and {@code state = hashLong(tail, state)}; finally the length is
 *       appended as a last word (Merkle-Damgard strengthening), {@code state = hashLong(len, state)},
 *       and the result is the state.</li>
 * </ol>
 * The padding keeps "a" and "a\0" apart, the length word keeps runs of zero words of different
 * lengths apart for the mixers that map 0 to 0 with seed 0 (fastutil's, Agrona's and the JDK's).
 * Still, these are mixers for 8-byte keys: the byte entry points exist to keep the contract, their
 * quality beyond 8 bytes is whatever the mixer's chaining gives, and they are not a general-purpose
 * byte hasher. {@link #hashChars} hashes the UTF-16LE bytes of the chars the same way, 4 chars per
 * word.
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
        if (len == BYTES_PER_LONG) {
            return hashLong(LittleEndian.getLong(data, off), seed);
        }
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
        return hashLong(len, h);
    }

    @Override
    public final long hashChars(CharSequence s, long seed) {
        final int n = s.length();
        if (n == CHARS_PER_LONG) {
            return hashLong(LittleEndian.charsLong(s, 0), seed);
        }
        long h = seed;
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
        return hashLong((long) n * 2, h); // the length in bytes
    }
}
