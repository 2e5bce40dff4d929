package org.hmaplab.hash.aes;

/**
 * Test helper: AES-128 encryption (FIPS-197) assembled around a single-round function under test.
 * Rounds 1..9 are the round under test (one AESENC: ShiftRows, SubBytes, MixColumns,
 * AddRoundKey); the last round, which has no MixColumns, is the round under test with a zero key
 * followed by InvMixColumns and the round key. The key expansion (FIPS-197 section 5.2) uses an
 * S-box built here from GF(2^8) logarithm tables with generator 3, independently of the main
 * code's S-box.
 */
final class Aes128Reference {

    /** One AESENC on 16-byte arrays: {@code out = enc(state, key)}. */
    interface Round {
        void enc(byte[] state, byte[] key, byte[] out);
    }

    static final int[] SBOX = new int[256];

    private static final int[] EXP = new int[256];
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x ^= xtime(x); // multiply by the generator 3 = x + 1
        }
        for (int a = 0; a < 256; a++) {
            int inv = a == 0 ? 0 : EXP[(255 - LOG[a]) % 255];
            int s = inv;
            for (int k = 1; k <= 4; k++) {
                s ^= ((inv << k) | (inv >>> (8 - k))) & 0xff;
            }
            SBOX[a] = s ^ 0x63;
        }
    }

    private Aes128Reference() {
    }

    static int xtime(int a) {
        int d = a << 1;
        return (d & 0x100) != 0 ? (d ^ 0x11b) : d;
    }

    static int mul(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[(LOG[a] + LOG[b]) % 255];
    }

    /** The 11 round keys of AES-128, 16 bytes each. */
    static byte[][] expandKey(byte[] key) {
        int[] w = new int[44 * 4]; // bytes of the 44 words
        for (int i = 0; i < 16; i++) {
            w[i] = key[i] & 0xff;
        }
        int rcon = 1;
        for (int i = 4; i < 44; i++) {
            int[] t = {w[4 * i - 4], w[4 * i - 3], w[4 * i - 2], w[4 * i - 1]};
            if (i % 4 == 0) {
                t = new int[] {SBOX[t[1]] ^ rcon, SBOX[t[2]], SBOX[t[3]], SBOX[t[0]]};
                rcon = xtime(rcon);
            }
            for (int b = 0; b < 4; b++) {
                w[4 * i + b] = w[4 * (i - 4) + b] ^ t[b];
            }
        }
        byte[][] keys = new byte[11][16];
        for (int r = 0; r < 11; r++) {
            for (int b = 0; b < 16; b++) {
                keys[r][b] = (byte) w[16 * r + b];
            }
        }
        return keys;
    }

    /** InvMixColumns (FIPS-197 section 5.3.3) on every column, in place. */
    static void invMixColumns(byte[] s) {
        for (int c = 0; c < 4; c++) {
            int a0 = s[4 * c] & 0xff;
            int a1 = s[4 * c + 1] & 0xff;
            int a2 = s[4 * c + 2] & 0xff;
            int a3 = s[4 * c + 3] & 0xff;
            s[4 * c] = (byte) (mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9));
            s[4 * c + 1] = (byte) (mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13));
            s[4 * c + 2] = (byte) (mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11));
            s[4 * c + 3] = (byte) (mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14));
        }
    }

    /** AES-128 encryption of one block with {@code round} as the middle rounds. */
    static byte[] encrypt(byte[] key, byte[] plaintext, Round round) {
        byte[][] rk = expandKey(key);
        byte[] state = new byte[16];
        for (int i = 0; i < 16; i++) {
            state[i] = (byte) (plaintext[i] ^ rk[0][i]);
        }
        byte[] next = new byte[16];
        for (int r = 1; r <= 9; r++) {
            round.enc(state, rk[r], next);
            System.arraycopy(next, 0, state, 0, 16);
        }
        round.enc(state, new byte[16], next);
        invMixColumns(next);
        for (int i = 0; i < 16; i++) {
            state[i] = (byte) (next[i] ^ rk[10][i]);
        }
        return state;
    }
}
