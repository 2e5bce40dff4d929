package org.hmaplab.hash.aes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorMask;
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
 *   <li>SubBytes: the 256-entry S-box as 8 tables of 32 bytes (each a pair of constant 16-byte
 *       vectors); each table is looked up with the low 5 bits of every byte (the two-table
 *       {@code selectFrom}) and the high 3 bits pick the table through a tree of blends.</li>
 *   <li>MixColumns: {@code out = 2a ^ rot1(3a) ^ rot2(a) ^ rot3(a)} per column, where
 *       {@code rotK} rotates the bytes of each column by {@code K} rows (a rearrange) and
 *       {@code 2a} is xtime: {@code (a << 1) ^ (0x1b if the top bit of a was set)}.</li>
 * </ul>
 * C2 keeps vectors in registers only when everything that takes or returns a vector is inlined
 * into one compilation. Two limits were hit on the way and shape this code (checked with
 * {@code -XX:+PrintInlining}): C2 stops inlining once a compilation has about 18000 nodes
 * (NodeCountInliningCutoff), and every Vector API call parses into many; 16 single-table lookups
 * per round, or several copies of the round in one method, crossed it and left vectors boxed
 * (about 1 KB per hash). So the S-box uses 8 two-table lookups on constant slices, the helpers
 * are shallow, and {@link #hash} has exactly one round in its code. Only scalars cross the
 * boundary of {@link #hash}. Lanes run one after another and only their low halves are folded
 * (XOR is bitwise).
 */
final class VectorAesHasher extends AesHasher {

    private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Long> L128 = LongVector.SPECIES_128;

    private static final int BLOCK = 16;
    private static final int WIDE_BLOCK = 128;
    private static final byte LOW_FIVE_BITS = 0x1f;
    private static final byte AES_POLY_LOW = 0x1b;

    /** The S-box as bytes (from the table backend, which computes it as FIPS-197 defines it). */
    private static final byte[] SBOX = new byte[256];

    private static final VectorShuffle<Byte> SHIFT_ROWS = shiftRows();
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

    /* The S-box in 16-byte slices, S{k} = entries 16k .. 16k+15; constants, cheaper for C2 than loads. */
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

    /** ShiftRows: lane {@code r + 4c} takes lane {@code r + 4((c + r) mod 4)}. */
    private static VectorShuffle<Byte> shiftRows() {
        int[] index = new int[BLOCK];
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                index[r + 4 * c] = r + 4 * ((c + r) % 4);
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

    /** One AESENC: {@code MixColumns(SubBytes(ShiftRows(x))) ^ key}. */
    static ByteVector enc(ByteVector x, ByteVector key) {
        return mixColumns(subBytes(x.rearrange(SHIFT_ROWS))).lanewise(VectorOperators.XOR, key);
    }

    /**
     * SubBytes: the S-box as 8 tables of 32 bytes, all looked up by the low 5 bits of each byte
     * with a two-table {@code selectFrom}, then chosen by the high 3 bits in a tree of blends
     * (bit 5, then bit 6, then bit 7), so the dependency chain is 3 blends deep, not 7.
     */
    private static ByteVector subBytes(ByteVector t) {
        ByteVector lo = t.and(LOW_FIVE_BITS);
        VectorMask<Byte> bit5 = t.lanewise(VectorOperators.LSHL, 2).lt((byte) 0);
        VectorMask<Byte> bit6 = t.lanewise(VectorOperators.LSHL, 1).lt((byte) 0);
        VectorMask<Byte> bit7 = t.lt((byte) 0);
        ByteVector low128 = lo.selectFrom(S0, S1).blend(lo.selectFrom(S2, S3), bit5)
                .blend(lo.selectFrom(S4, S5).blend(lo.selectFrom(S6, S7), bit5), bit6);
        ByteVector high128 = lo.selectFrom(S8, S9).blend(lo.selectFrom(S10, S11), bit5)
                .blend(lo.selectFrom(S12, S13).blend(lo.selectFrom(S14, S15), bit5), bit6);
        return low128.blend(high128, bit7);
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
