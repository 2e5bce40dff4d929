package org.hmaplab.hash.aes;

import java.lang.foreign.MemorySegment;

/**
 * A per-thread scratch array holding a CharSequence as UTF-16LE bytes, so that
 * {@link AesHasher#hashChars} can hash long strings with {@code hashBytes} without allocating in
 * steady state: the array is replaced only when a longer sequence than any before arrives.
 *
 * <p>The array comes with its heap {@link MemorySegment}, made once per array, so that the native
 * backend passes the scratch to its downcall without creating a segment per call. A segment made
 * per call is an object that only the JIT's escape analysis removes; when a compilation does not
 * (one benchmark fork of String lookups allocated 32 bytes per get that way), every hash allocates.
 */
final class Utf16Scratch {

    private static final int INITIAL_BYTES = 256;

    private static final ThreadLocal<Utf16Scratch> SCRATCH =
            ThreadLocal.withInitial(() -> new Utf16Scratch(new byte[INITIAL_BYTES]));

    /** The bytes; a sequence of n chars occupies {@code 0 .. 2n}. */
    final byte[] bytes;
    /** The heap segment over all of {@link #bytes}. */
    final MemorySegment segment;

    private Utf16Scratch(byte[] bytes) {
        this.bytes = bytes;
        this.segment = MemorySegment.ofArray(bytes);
    }

    /** The thread's scratch with the UTF-16LE bytes of {@code s} at {@code 0 .. 2 * s.length()}. */
    static Utf16Scratch fill(CharSequence s) {
        int n = s.length();
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("cannot hash a CharSequence of " + n
                    + " chars: its UTF-16 bytes exceed the largest array; at most "
                    + Integer.MAX_VALUE / 2 + " chars are allowed");
        }
        Utf16Scratch scratch = SCRATCH.get();
        if (scratch.bytes.length < 2 * n) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * n, 2L * scratch.bytes.length));
            scratch = new Utf16Scratch(new byte[grown]);
            SCRATCH.set(scratch);
        }
        byte[] bytes = scratch.bytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[2 * i] = (byte) c;
            bytes[2 * i + 1] = (byte) (c >>> 8);
        }
        return scratch;
    }
}
