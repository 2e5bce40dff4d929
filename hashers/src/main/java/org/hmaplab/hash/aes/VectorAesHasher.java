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
 * so the round is a tree of methods each small enough to be inlined unconditionally, the hash
 * methods call it directly, and nothing else handles vectors. Lanes run one after another and only their low
 * halves are folded (XOR is bitwise).
 */
final class VectorAesHasher extends AesHasher {

    private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Long> L128 = LongVector.SPECIES_128;

    private static final int BLOCK = 16;
    private static final int WIDE_BLOCK = 128;
    private static final byte LOW_FIVE_BITS = 0x1f;
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

    /* The S-box in 16-byte slices: S{k} holds entries 16k .. 16k+15. Constants, so C2 does not re-parse loads. */
    private static final ByteVector S0 = ByteVector.fromArray(B128, SBOX, 0);
    private static final ByteVector S1 = ByteVector.fromArray(B128, SBOX, 16);
    private static final ByteVector S2 = ByteVector.fromArray(B128, SBOX, 32);
    private static final ByteVector S3 = ByteVector.fromArray(B128, SBOX, 48);
    private static final ByteVector S4 = ByteVector.fromArray(B128, SBOX, 64);
    private static final ByteVector S5 = ByteVector.fromArray(B128, SBOX, 80);
    private static final ByteVector S6 = ByteVector.fromArray(B128, SBOX, 96);
    private static final ByteVector S7 = ByteVector.fromArray(B128, SBOX, 112);
    private static final ByteVector S8 = ByteVector.fromArray(B128, SBOX, 128);
    private static final ByteVector S9 = ByteVector.fromArray(B128, SBOX, 144);
    private static final ByteVector S10 = ByteVector.fromArray(B128, SBOX, 160);
    private static final ByteVector S11 = ByteVector.fromArray(B128, SBOX, 176);
    private static final ByteVector S12 = ByteVector.fromArray(B128, SBOX, 192);
    private static final ByteVector S13 = ByteVector.fromArray(B128, SBOX, 208);
    private static final ByteVector S14 = ByteVector.fromArray(B128, SBOX, 224);
    private static final ByteVector S15 = ByteVector.fromArray(B128, SBOX, 240);

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

    /*
     * C2 inlines a method of at most 35 bytecodes (MaxInlineSize) at every call site, while a larger
     * one is inlined only where the profile calls the site hot, and a round left out of line boxes
     * every vector it touches. So the round is a tree of methods that are each under 35 bytecodes.
     */

    /** One AESENC: {@code MixColumns(SubBytes(ShiftRows(x))) ^ key}. */
    static ByteVector enc(ByteVector x, ByteVector key) {
        return mixColumns(subBytes(x.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, key);
    }

    /**
     * SubBytes: the S-box as 8 tables of 32 bytes, looked up by the low 5 bits of each byte with a
     * two-table {@code selectFrom}, kept where the high 3 bits match the table.
     */
    private static ByteVector subBytes(ByteVector t) {
        ByteVector lo = t.and(LOW_FIVE_BITS);
        ByteVector hi = t.lanewise(VectorOperators.LSHR, 5);
        ByteVector s = lo.selectFrom(S0, S1);
        s = table(s, lo, hi, S2, S3, 1);
        s = table(s, lo, hi, S4, S5, 2);
        s = table(s, lo, hi, S6, S7, 3);
        s = table(s, lo, hi, S8, S9, 4);
        s = table(s, lo, hi, S10, S11, 5);
        s = table(s, lo, hi, S12, S13, 6);
        s = table(s, lo, hi, S14, S15, 7);
        return s;
    }

    /** {@code acc} with the 32 S-box entries {@code a, b} looked up where the high 3 bits are {@code g}. */
    private static ByteVector table(ByteVector acc, ByteVector lo, ByteVector hi, ByteVector a, ByteVector b, int g) {
        return acc.blend(lo.selectFrom(a, b), hi.eq((byte) g));
    }

    /** MixColumns: {@code 2a ^ rot1(2a ^ a) ^ rot2(a) ^ rot3(a)} per column. */
    private static ByteVector mixColumns(ByteVector a) {
        return mix(xtime(a), a);
    }

    private static ByteVector mix(ByteVector twice, ByteVector a) {
        return twice.lanewise(VectorOperators.XOR, twice.lanewise(VectorOperators.XOR, a).rearrange(ROTATE_1))
                .lanewise(VectorOperators.XOR, rot23(a));
    }

    private static ByteVector rot23(ByteVector a) {
        return a.rearrange(ROTATE_2).lanewise(VectorOperators.XOR, a.rearrange(ROTATE_3));
    }

    /** Multiplication by x in GF(2^8): {@code (a << 1) ^ (0x1b where the top bit of a was set)}. */
    private static ByteVector xtime(ByteVector a) {
        return a.lanewise(VectorOperators.LSHL, 1)
                .lanewise(VectorOperators.XOR, a.lanewise(VectorOperators.ASHR, 7).and(AES_POLY_LOW));
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
        return hash(null, 0, len, seed, lo, hi);
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len > BLOCK) {
            return hash(data, off, len, seed, 0L, 0L);
        }
        long lo = 0;
        long hi = 0;
        if (len == BLOCK) {
            lo = (long) LONG_LE.get(data, off);
            hi = (long) LONG_LE.get(data, off + Long.BYTES);
        } else {
            for (int i = 0; i < len; i++) {
                long b = data[off + i] & 0xffL;
                if (i < Long.BYTES) {
                    lo |= b << (8 * i);
                } else {
                    hi |= b << (8 * (i - Long.BYTES));
                }
            }
        }
        return hash(null, 0, len, seed, lo, hi);
    }

    /**
     * The whole construction, with a single round in the code: C2 parses every Vector API call
     * into many nodes, and a method with several copies of the round hits its inlining node budget
     * (NodeCountInliningCutoff) and boxes the vectors. Each lane runs one loop of rounds:
     * round 0 makes the lane seed, after which the lane's block is XORed in; for inputs over 128
     * bytes, rounds 2, 4, ..., 2m take the 128-byte blocks as round keys; the rest are
     * self-keyed. Inputs of up to 16 bytes come as {@code lo}/{@code hi} with {@code data} null.
     */
    private static long hash(byte[] data, int off, int len, long seed, long lo, long hi) {
        final byte[] ks = AesKeySchedule.BYTES;
        final int lanes = len <= BLOCK ? 1 : len <= 2 * BLOCK ? 2 : len <= 4 * BLOCK ? 4 : AesKeySchedule.MAX_LANES;
        final int wideBlocks = len > WIDE_BLOCK ? (len - 1) >>> 7 : 0;
        final int rounds = len == 0 ? 2 : 1 + 2 * wideBlocks + 3;
        final ByteVector seedBlock = block(seed, AesKeySchedule.seedHigh(len));
        final ByteVector shortBlock = block(lo, hi);
        long folded = 0;
        for (int j = 0; j < lanes; j++) {
            ByteVector laneBlock = shortBlock;
            if (len > BLOCK) {
                int pos;
                if (len > WIDE_BLOCK) {
                    pos = off + len - WIDE_BLOCK + BLOCK * j;
                } else if (j < lanes / 2) {
                    pos = off + BLOCK * j;
                } else {
                    pos = off + len - BLOCK * (lanes - j);
                }
                laneBlock = ByteVector.fromArray(B128, data, pos);
            }
            ByteVector x = seedBlock.lanewise(VectorOperators.XOR, ByteVector.fromArray(B128, ks, BLOCK * j));
            for (int r = 0; r < rounds; r++) {
                ByteVector key = x;
                if ((r & 1) == 0 && r != 0 && r <= 2 * wideBlocks) {
                    key = ByteVector.fromArray(B128, data, off + WIDE_BLOCK * ((r >>> 1) - 1) + BLOCK * j);
                }
                x = enc(x, key);
                if (r == 0) {
                    x = x.lanewise(VectorOperators.XOR, laneBlock);
                }
            }
            folded ^= x.reinterpretAsLongs().lane(0);
        }
        return folded;
    }
}
