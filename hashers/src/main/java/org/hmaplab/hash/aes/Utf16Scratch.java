package org.hmaplab.hash.aes;

/**
 * A per-thread scratch array holding a CharSequence as UTF-16LE bytes, so that
 * {@link AesHasher#hashChars} can hash long strings with {@code hashBytes} without allocating in
 * steady state: the array is replaced only when a longer sequence than any before arrives.
 */
final class Utf16Scratch {

    private static final int INITIAL_BYTES = 256;

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[INITIAL_BYTES]);

    private Utf16Scratch() {
    }

    /** The thread's scratch array with the UTF-16LE bytes of {@code s} at {@code 0 .. 2 * s.length()}. */
    static byte[] fill(CharSequence s) {
        int n = s.length();
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("cannot hash a CharSequence of " + n
                    + " chars: its UTF-16 bytes exceed the largest array; at most "
                    + Integer.MAX_VALUE / 2 + " chars are allowed");
        }
        byte[] bytes = SCRATCH.get();
        if (bytes.length < 2 * n) {
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * n, 2L * bytes.length))];
            SCRATCH.set(bytes);
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[2 * i] = (byte) c;
            bytes[2 * i + 1] = (byte) (c >>> 8);
        }
        return bytes;
    }
}
