package org.hmaplab.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian word reads from byte arrays and from UTF-16 character sequences, shared by the
 * hashers' hot paths.
 *
 * <p>Byte arrays are read through {@link MethodHandles#byteArrayViewVarHandle} views, which the
 * JIT compiles to single (unaligned) loads. Character sequences are read as the UTF-16LE bytes of
 * their code units, the byte stream {@link Hasher#hashChars} is defined over: byte {@code 2i} is
 * the low half of {@code s.charAt(i)}, byte {@code 2i + 1} its high half. No method allocates.
 */
final class LittleEndian {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int BITS_PER_CHAR = 16;
    private static final long INT_MASK = 0xffffffffL;

    private LittleEndian() {
    }

    /** The 8 bytes at {@code data[off..off+8)} as a little-endian long. */
    static long getLong(byte[] data, int off) {
        return (long) LONGS.get(data, off);
    }

    /** The 4 bytes at {@code data[off..off+4)} as a little-endian int. */
    static int getInt(byte[] data, int off) {
        return (int) INTS.get(data, off);
    }

    /** The 4 bytes at {@code data[off..off+4)} as an unsigned little-endian int in a long. */
    static long getUnsignedInt(byte[] data, int off) {
        return getInt(data, off) & INT_MASK;
    }

    /** Two chars {@code s[i], s[i+1]} as the little-endian int of their 4 UTF-16LE bytes. */
    static int charsInt(CharSequence s, int i) {
        return s.charAt(i) | (s.charAt(i + 1) << BITS_PER_CHAR);
    }

    /** Four chars {@code s[i..i+4)} as the little-endian long of their 8 UTF-16LE bytes. */
    static long charsLong(CharSequence s, int i) {
        return (long) s.charAt(i)
                | (long) s.charAt(i + 1) << BITS_PER_CHAR
                | (long) s.charAt(i + 2) << (2 * BITS_PER_CHAR)
                | (long) s.charAt(i + 3) << (3 * BITS_PER_CHAR);
    }
}
