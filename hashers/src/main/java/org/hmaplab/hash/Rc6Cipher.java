package org.hmaplab.hash;

import java.util.Objects;

/**
 * RC6-32/r/b block encryption (Rivest et al., 1998), built from {@link Rc6Round} and
 * {@link Rc6KeySchedule} so that the published RC6 test vectors vouch for the round the
 * {@link Rc6Hasher} uses. Not used for hashing itself; encryption only.
 *
 * <pre>
 * B += S[0]; D += S[1]
 * r rounds with S[2..2r+1]                 (see Rc6Round)
 * A += S[2r+2]; C += S[2r+3]
 * </pre>
 * Blocks are 16 bytes read as four little-endian words (A, B, C, D), the RC6 paper's byte order.
 */
public final class Rc6Cipher {
    /** The round count of the AES-candidate RC6, RC6-32/20/b. */
    public static final int STANDARD_ROUNDS = 20;
    /** Block size in bytes. */
    public static final int BLOCK_BYTES = 16;

    private static final int WORDS = 4;

    private final int rounds;
    private final int[] schedule;

    /** RC6-32/20/b with the given key of 0 .. 255 bytes. */
    public Rc6Cipher(byte[] key) {
        this(key, STANDARD_ROUNDS);
    }

    /** RC6-32/rounds/b with the given key of 0 .. 255 bytes. */
    public Rc6Cipher(byte[] key, int rounds) {
        this.rounds = rounds;
        this.schedule = Rc6KeySchedule.expand(key, rounds);
    }

    /** Encrypts the 16 bytes {@code in[inOff ..]} into {@code out[outOff ..]}. */
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        Objects.checkFromIndexSize(inOff, BLOCK_BYTES, in.length);
        Objects.checkFromIndexSize(outOff, BLOCK_BYTES, out.length);
        final int[] s = schedule;
        final int[] abcd = new int[WORDS];
        for (int w = 0; w < WORDS; w++) {
            abcd[w] = LittleEndian.getInt(in, inOff + Integer.BYTES * w);
        }
        abcd[1] += s[0];
        abcd[3] += s[1];
        Rc6Round.rounds(abcd, s, 2, rounds);
        abcd[0] += s[2 * rounds + 2];
        abcd[2] += s[2 * rounds + 3];
        for (int w = 0; w < WORDS; w++) {
            final int v = abcd[w];
            for (int k = 0; k < Integer.BYTES; k++) {
                out[outOff + Integer.BYTES * w + k] = (byte) (v >>> (8 * k));
            }
        }
    }
}
