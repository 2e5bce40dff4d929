package org.hmaplab.hash.aes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The AES hash (construction in {@link AesHasher}) with a table-based AES round in scalar Java:
 * the reference backend, and the fallback where neither AES-NI nor the Vector API is available.
 *
 * <p>The state is four little-endian 32-bit columns ({@code c0} = bytes 0..3, ...). One round is
 * the classic "T-table" form of AESENC (Daemen and Rijmen, "AES Proposal: Rijndael", section 5.2):
 * output column {@code c} is {@code T0[row0 of column c] ^ T1[row1 of column c+1] ^ T2[row2 of
 * column c+2] ^ T3[row3 of column c+3] ^ key column c} (indices mod 4). Reading row {@code r} from
 * column {@code c+r} is ShiftRows; {@code T0[a] = (2s, s, s, 3s)} with {@code s = SBOX[a]} is
 * SubBytes followed by the MixColumns column of {@code a}; {@code T1..T3} are {@code T0} rotated by
 * one, two and three bytes. The S-box is computed at class initialisation as FIPS-197 section
 * 5.1.1 defines it (multiplicative inverse in GF(2^8), then the affine map with constant 0x63).
 *
 * <p>Lanes are independent until they are XOR-folded, so the hash runs them one after another,
 * each as a sequence of rounds, and folds only their low halves (XOR is bitwise).
 */
final class TableAesHasher extends AesHasher {

    /** AES's reduction polynomial x^8 + x^4 + x^3 + x + 1 without the x^8 bit. */
    private static final int AES_POLY_LOW = 0x1b;

    /** The constant of the S-box's affine map (FIPS-197, equation 5.1). */
    private static final int AFFINE_CONSTANT = 0x63;

    private static final int BLOCK = 16;

    private static final int WIDE_BLOCK = 128;

    private static final int FINAL_ROUNDS = 3;

    /** The AES S-box. */
    static final int[] SBOX = new int[256];

    private static final int[] T0 = new int[256];
    private static final int[] T1 = new int[256];
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];

    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int a = 0; a < 256; a++) {
            int inverse = 0;
            for (int b = 1; b < 256 && a != 0; b++) {
                if (gmul(a, b) == 1) {
                    inverse = b;
                    break;
                }
            }
            int s = inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2) ^ rotl8(inverse, 3) ^ rotl8(inverse, 4)
                    ^ AFFINE_CONSTANT;
            SBOX[a] = s;
        }
        for (int a = 0; a < 256; a++) {
            int s = SBOX[a];
            int t = xtime(s) | s << 8 | s << 16 | (xtime(s) ^ s) << 24;
            T0[a] = t;
            T1[a] = Integer.rotateLeft(t, 8);
            T2[a] = Integer.rotateLeft(t, 16);
            T3[a] = Integer.rotateLeft(t, 24);
        }
    }

    TableAesHasher() {
    }

    /** Multiplication by x in GF(2^8). */
    static int xtime(int a) {
        int doubled = a << 1;
        return ((doubled & 0x100) != 0 ? doubled ^ AES_POLY_LOW : doubled) & 0xff;
    }

    /** Multiplication in GF(2^8) modulo AES's polynomial (shift and add). */
    static int gmul(int a, int b) {
        int product = 0;
        int x = a;
        for (int y = b; y != 0; y >>>= 1) {
            if ((y & 1) != 0) {
                product ^= x;
            }
            x = xtime(x);
        }
        return product;
    }

    private static int rotl8(int v, int n) {
        return ((v << n) | (v >>> (8 - n))) & 0xff;
    }

    /**
     * Output column of one AESENC before AddRoundKey: row 0 from {@code a}, row 1 from {@code b},
     * row 2 from {@code c}, row 3 from {@code d} (the four columns in ShiftRows order).
     */
    static int column(int a, int b, int c, int d) {
        return T0[a & 0xff] ^ T1[(b >>> 8) & 0xff] ^ T2[(c >>> 16) & 0xff] ^ T3[d >>> 24];
    }

    /**
     * One AESENC on {@code state} (4 little-endian columns) with {@code key}, in place. For tests;
     * the hash loop below does the same with locals.
     */
    static void enc(int[] state, int[] key) {
        int s0 = state[0];
        int s1 = state[1];
        int s2 = state[2];
        int s3 = state[3];
        state[0] = column(s0, s1, s2, s3) ^ key[0];
        state[1] = column(s1, s2, s3, s0) ^ key[1];
        state[2] = column(s2, s3, s0, s1) ^ key[2];
        state[3] = column(s3, s0, s1, s2) ^ key[3];
    }

    @Override
    public Backend backend() {
        return Backend.TABLE;
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len <= BLOCK) {
            long lo;
            long hi;
            if (len == BLOCK) {
                lo = (long) LONG_LE.get(data, off);
                hi = (long) LONG_LE.get(data, off + Long.BYTES);
            } else {
                lo = 0;
                hi = 0;
                for (int i = 0; i < len; i++) {
                    long b = data[off + i] & 0xffL;
                    if (i < Long.BYTES) {
                        lo |= b << (8 * i);
                    } else {
                        hi |= b << (8 * (i - Long.BYTES));
                    }
                }
            }
            return hashRegs(lo, hi, len, seed);
        }
        final long seedHi = AesKeySchedule.seedHigh(len);
        final long[] ks = AesKeySchedule.LONGS;
        final int lanes = len <= 2 * BLOCK ? 2 : len <= 4 * BLOCK ? 4 : AesKeySchedule.MAX_LANES;
        final int wideBlocks = len > WIDE_BLOCK ? (len - 1) >>> 7 : 0;
        long folded = 0;
        for (int j = 0; j < lanes; j++) {
            int pos;
            if (len > WIDE_BLOCK) {
                pos = off + len - WIDE_BLOCK + BLOCK * j;
            } else if (j < lanes / 2) {
                pos = off + BLOCK * j;
            } else {
                pos = off + len - BLOCK * (lanes - j);
            }
            folded ^= lane(seed ^ ks[2 * j], seedHi ^ ks[2 * j + 1],
                    (long) LONG_LE.get(data, pos), (long) LONG_LE.get(data, pos + Long.BYTES),
                    data, off + BLOCK * j, wideBlocks, FINAL_ROUNDS);
        }
        return folded;
    }

    @Override
    long hashRegs(long lo, long hi, int len, long seed) {
        final long[] ks = AesKeySchedule.LONGS;
        return lane(seed ^ ks[0], AesKeySchedule.seedHigh(len) ^ ks[1], lo, hi, null, 0, 0,
                len == 0 ? 1 : FINAL_ROUNDS);
    }

    /**
     * One lane, low half of the result: {@code x = enc(start)} (the lane seed); {@code x ^= block};
     * then for each of {@code wideBlocks} 128-byte blocks {@code x = enc(enc(x), data[keyPos +
     * 128 b ..])}; then {@code finalRounds} self-keyed rounds.
     */
    private static long lane(long startLo, long startHi, long blockLo, long blockHi,
            byte[] data, int keyPos, int wideBlocks, int finalRounds) {
        int s0 = (int) startLo;
        int s1 = (int) (startLo >>> 32);
        int s2 = (int) startHi;
        int s3 = (int) (startHi >>> 32);
        final int rounds = 1 + 2 * wideBlocks + finalRounds;
        for (int r = 0; r < rounds; r++) {
            int k0 = s0;
            int k1 = s1;
            int k2 = s2;
            int k3 = s3;
            if ((r & 1) == 0 && r != 0 && r <= 2 * wideBlocks) {
                int p = keyPos + WIDE_BLOCK * ((r >>> 1) - 1);
                k0 = (int) INT_LE.get(data, p);
                k1 = (int) INT_LE.get(data, p + 4);
                k2 = (int) INT_LE.get(data, p + 8);
                k3 = (int) INT_LE.get(data, p + 12);
            }
            int n0 = column(s0, s1, s2, s3) ^ k0;
            int n1 = column(s1, s2, s3, s0) ^ k1;
            int n2 = column(s2, s3, s0, s1) ^ k2;
            int n3 = column(s3, s0, s1, s2) ^ k3;
            s0 = n0;
            s1 = n1;
            s2 = n2;
            s3 = n3;
            if (r == 0) {
                s0 ^= (int) blockLo;
                s1 ^= (int) (blockLo >>> 32);
                s2 ^= (int) blockHi;
                s3 ^= (int) (blockHi >>> 32);
            }
        }
        return (s0 & 0xffffffffL) | (long) s1 << 32;
    }
}
