package org.hmaplab.hash;

/**
 * The RC6 round (Rivest, Robshaw, Sidney, Yin, "The RC6 Block Cipher", 1998) for w = 32-bit
 * words, in one place for {@link Rc6Cipher} and {@link Rc6Hasher}.
 *
 * <p>One round on the words (A, B, C, D) with round keys S[2i], S[2i+1]:
 * <pre>
 * t = {@link #quad quad}(B);  u = quad(D)                 quad(x) = rotl(x * (2x + 1), 5)
 * A = {@link #step step}(A, t, u, S[2i])                 step(x, t, u, k) = rotl(x ^ t, u) + k
 * C = step(C, u, t, S[2i+1])
 * (A, B, C, D) = (B, C, D, A)
 * </pre>
 * {@link #rounds} runs that loop on an {@code int[4]} (used by the cipher and by tests); the hasher
 * unrolls four rounds with these same two functions so that its state stays in registers.
 * Rotation amounts use the low 5 bits, as RC6 specifies ({@code lg w = 5}).
 */
final class Rc6Round {
    /** RC6's fixed rotation {@code lg w} for w = 32. */
    static final int LG_W = 5;

    private Rc6Round() {
    }

    /** {@code rotl(x * (2x + 1), lg w)}, RC6's quadratic function. */
    static int quad(int x) {
        return Integer.rotateLeft(x * (2 * x + 1), LG_W);
    }

    /** {@code rotl(x ^ t, u) + key}, the update of word A (or C, with t and u swapped). */
    static int step(int x, int t, int u, int key) {
        return Integer.rotateLeft(x ^ t, u) + key;
    }

    /**
     * Runs {@code count} RC6 rounds on {@code abcd} = (A, B, C, D) in place, round {@code j}
     * (0-based) using keys {@code s[firstKey + 2j]} and {@code s[firstKey + 2j + 1]}.
     */
    static void rounds(int[] abcd, int[] s, int firstKey, int count) {
        int a = abcd[0];
        int b = abcd[1];
        int c = abcd[2];
        int d = abcd[3];
        for (int j = 0; j < count; j++) {
            final int t = quad(b);
            final int u = quad(d);
            final int newA = step(a, t, u, s[firstKey + 2 * j]);
            final int newC = step(c, u, t, s[firstKey + 2 * j + 1]);
            a = b;
            b = newC;
            c = d;
            d = newA;
        }
        abcd[0] = a;
        abcd[1] = b;
        abcd[2] = c;
        abcd[3] = d;
    }
}
