package org.hmaplab.hash.aes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The AES hash (construction in {@link AesHasher}) with a software AES round in Vector API code,
 * one 16-byte block per 128-bit {@link ByteVector}: the portable backend, for machines where the
 * native AES-NI library cannot run. The Vector API has no AES operation, so the round is built
 * from byte shuffles and lane-wise arithmetic:
 * <ul>
 *   <li>ShiftRows: one fixed {@code rearrange}: lane {@code r + 4c} takes lane
 *       {@code r + 4((c + r) mod 4)}.</li>
 *   <li>SubBytes: the 256-entry S-box as 16 slices of 16 bytes; every slice is looked up with the
 *       low nibble ({@code selectFrom}, a 16-entry byte shuffle) and blended in where the high
 *       nibble equals the slice number.</li>
 *   <li>MixColumns: {@code out = 2a ^ rot1(3a) ^ rot2(a) ^ rot3(a)} per column, where
 *       {@code rotK} rotates the bytes of each column by {@code K} rows (a rearrange) and
 *       {@code 2a} is xtime: {@code (a << 1) ^ (0x1b if the top bit of a was set)}.</li>
 * </ul>
 * C2 keeps vectors in registers only when everything that takes or returns a vector is inlined,
 * so the round is one small static method with one-line helpers, every loop in the hash calls it
 * directly, and nothing else handles vectors. Lanes run one after another and only their low
 * halves are folded (XOR is bitwise).
 */
final class VectorAesHasher extends AesHasher {

    private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Long> L128 = LongVector.SPECIES_128;

    private static final int BLOCK = 16;
    private static final int WIDE_BLOCK = 128;
    private static final byte LOW_NIBBLE = 0x0f;
    private static final byte AES_POLY_LOW = 0x1b;

    /** The S-box as bytes, slice {@code k} at {@code 16k .. 16k+15}. */
    private static final byte[] SBOX = new byte[256];

    private static final VectorShuffle<Byte> SHIFT_ROWS = shuffle(1);
    private static final VectorShuffle<Byte> ROTATE_1 = rotateColumns(1);
    private static final VectorShuffle<Byte> ROTATE_2 = rotateColumns(2);
    private static final VectorShuffle<Byte> ROTATE_3 = rotateColumns(3);

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int a = 0; a < 256; a++) {
            SBOX[a] = (byte) TableAesHasher.SBOX[a];
        }
    }

    VectorAesHasher() {
    }

    /** ShiftRows when {@code step == 1}: lane {@code r + 4c} takes lane {@code r + 4((c + r) mod 4)}. */
    private static VectorShuffle<Byte> shuffle(int step) {
        int[] index = new int[BLOCK];
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                index[r + 4 * c] = r + 4 * ((c + step * r) % 4);
            }
        }
        return VectorShuffle.fromArray(B128, index, 0);
    }

    /** Lane {@code r + 4c} takes lane {@code (r + k) mod 4 + 4c}: each column's bytes rotated by k rows. */
    private static VectorShuffle<Byte> rotateColumns(int k) {
        int[] index = new int[BLOCK];
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                index[r + 4 * c] = (r + k) % 4 + 4 * c;
            }
        }
        return VectorShuffle.fromArray(B128, index, 0);
    }

    /** {@code acc} with the S-box slice {@code k} looked up where the high nibble is {@code k}. */
    private static ByteVector slice(ByteVector acc, ByteVector lo, ByteVector hi, int k) {
        return acc.blend(lo.selectFrom(ByteVector.fromArray(B128, SBOX, k * BLOCK)), hi.eq((byte) k));
    }

    /** One AESENC: {@code MixColumns(SubBytes(ShiftRows(x))) ^ key}. */
    static ByteVector enc(ByteVector x, ByteVector key) {
        ByteVector t = x.rearrange(SHIFT_ROWS);
        ByteVector lo = t.and(LOW_NIBBLE);
        ByteVector hi = t.lanewise(VectorOperators.LSHR, 4);
        ByteVector s = lo.selectFrom(ByteVector.fromArray(B128, SBOX, 0));
        s = slice(s, lo, hi, 1);
        s = slice(s, lo, hi, 2);
        s = slice(s, lo, hi, 3);
        s = slice(s, lo, hi, 4);
        s = slice(s, lo, hi, 5);
        s = slice(s, lo, hi, 6);
        s = slice(s, lo, hi, 7);
        s = slice(s, lo, hi, 8);
        s = slice(s, lo, hi, 9);
        s = slice(s, lo, hi, 10);
        s = slice(s, lo, hi, 11);
        s = slice(s, lo, hi, 12);
        s = slice(s, lo, hi, 13);
        s = slice(s, lo, hi, 14);
        s = slice(s, lo, hi, 15);
        ByteVector twice = s.lanewise(VectorOperators.LSHL, 1)
                .lanewise(VectorOperators.XOR, s.lanewise(VectorOperators.ASHR, 7).and(AES_POLY_LOW));
        return twice.lanewise(VectorOperators.XOR, twice.lanewise(VectorOperators.XOR, s).rearrange(ROTATE_1))
                .lanewise(VectorOperators.XOR, s.rearrange(ROTATE_2))
                .lanewise(VectorOperators.XOR, s.rearrange(ROTATE_3))
                .lanewise(VectorOperators.XOR, key);
    }

    /** One AESENC on byte arrays (16 bytes each), for tests. */
    static void enc(byte[] state, byte[] key, byte[] out) {
        enc(ByteVector.fromArray(B128, state, 0), ByteVector.fromArray(B128, key, 0)).intoArray(out, 0);
    }

    private static ByteVector block(long lo, long hi) {
        return LongVector.zero(L128).withLane(0, lo).withLane(1, hi).reinterpretAsBytes();
    }

    @Override
    public Backend backend() {
        return Backend.VECTOR;
    }

    @Override
    long hashRegs(long lo, long hi, int len, long seed) {
        final long[] ks = AesKeySchedule.LONGS;
        ByteVector x = block(seed ^ ks[0], AesKeySchedule.seedHigh(len) ^ ks[1]);
        x = enc(x, x);
        int finalRounds = 1;
        if (len != 0) {
            x = x.lanewise(VectorOperators.XOR, block(lo, hi));
            finalRounds = 3;
        }
        for (int r = 0; r < finalRounds; r++) {
            x = enc(x, x);
        }
        return x.reinterpretAsLongs().lane(0);
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
        final byte[] ks = AesKeySchedule.BYTES;
        final int lanes = len <= 2 * BLOCK ? 2 : len <= 4 * BLOCK ? 4 : AesKeySchedule.MAX_LANES;
        final int wideBlocks = len > WIDE_BLOCK ? (len - 1) >>> 7 : 0;
        final ByteVector seedBlock = block(seed, AesKeySchedule.seedHigh(len));
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
            ByteVector x = seedBlock.lanewise(VectorOperators.XOR, ByteVector.fromArray(B128, ks, BLOCK * j));
            x = enc(x, x);
            x = x.lanewise(VectorOperators.XOR, ByteVector.fromArray(B128, data, pos));
            for (int b = 0, p = off + BLOCK * j; b < wideBlocks; b++, p += WIDE_BLOCK) {
                x = enc(x, x);
                x = enc(x, ByteVector.fromArray(B128, data, p));
            }
            for (int r = 0; r < 3; r++) {
                x = enc(x, x);
            }
            folded ^= x.reinterpretAsLongs().lane(0);
        }
        return folded;
    }
}
