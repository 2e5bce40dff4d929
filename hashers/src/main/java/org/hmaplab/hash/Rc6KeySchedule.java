package org.hmaplab.hash;

/**
 * The RC6 key schedule for w = 32 (the RC6 paper, section 2.3), shared by {@link Rc6Cipher} and
 * {@link Rc6Hasher}.
 *
 * <pre>
 * load the b key bytes, little-endian, into c = max(1, ceil(b / 4)) words L[0..c-1]
 * S[0] = P32; S[i] = S[i-1] + Q32 for i = 1 .. 2r+3
 * A = B = i = j = 0
 * repeat 3 * max(c, 2r+4) times:
 *     A = S[i] = rotl(S[i] + A + B, 3)
 *     B = L[j] = rotl(L[j] + A + B, A + B)
 *     i = (i + 1) mod (2r+4);  j = (j + 1) mod c
 * </pre>
 */
final class Rc6KeySchedule {
    static final int P32 = 0xB7E15163; // Odd((e - 2) * 2^32)
    static final int Q32 = 0x9E3779B9; // Odd((phi - 1) * 2^32)

    private static final int BYTES_PER_WORD = 4;
    private static final int MIXING_PASSES = 3;
    private static final int KEY_ROTATION = 3;
    private static final int BYTE_MASK = 0xff;

    private Rc6KeySchedule() {
    }

    /** The 2r+4 round keys S[0 .. 2r+3] for {@code key} and {@code rounds} = r. */
    static int[] expand(byte[] key, int rounds) {
        if (key.length > 255) {
            throw new IllegalArgumentException("RC6 key length " + key.length + " bytes; allowed: 0 .. 255");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("RC6 rounds " + rounds + "; allowed: 1 or more");
        }
        final int c = Math.max(1, (key.length + BYTES_PER_WORD - 1) / BYTES_PER_WORD);
        final int[] l = new int[c];
        for (int k = key.length - 1; k >= 0; k--) {
            l[k / BYTES_PER_WORD] = (l[k / BYTES_PER_WORD] << 8) | (key[k] & BYTE_MASK);
        }
        final int t = 2 * rounds + 4;
        final int[] s = new int[t];
        s[0] = P32;
        for (int k = 1; k < t; k++) {
            s[k] = s[k - 1] + Q32;
        }
        int a = 0;
        int b = 0;
        int i = 0;
        int j = 0;
        final int v = MIXING_PASSES * Math.max(c, t);
        for (int n = 0; n < v; n++) {
            a = Integer.rotateLeft(s[i] + a + b, KEY_ROTATION);
            s[i] = a;
            b = Integer.rotateLeft(l[j] + a + b, a + b);
            l[j] = b;
            i = (i + 1) % t;
            j = (j + 1) % c;
        }
        return s;
    }

    /** The round keys for the 8 little-endian bytes of {@code seed} as the key. */
    static int[] expandSeed(long seed, int rounds) {
        final byte[] key = new byte[Long.BYTES];
        for (int k = 0; k < Long.BYTES; k++) {
            key[k] = (byte) (seed >>> (8 * k));
        }
        return expand(key, rounds);
    }
}
