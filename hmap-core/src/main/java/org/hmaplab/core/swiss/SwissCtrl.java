package org.hmaplab.core.swiss;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A group's control word (Go's ctrlGroup, group.go): 8 control bytes in one {@code long}, slot i
 * in byte i (little-endian, as Go's get/set on amd64). Each byte is empty {@code 0x80}, deleted
 * {@code 0xFE}, or the 7-bit H2 of a full slot. The match functions are Go's portable ones and
 * return a bitset with bit 7 of byte i set for slot i ({@link #first(long)} gives the slot); the
 * vector match returns a packed mask (bit i for slot i) instead, as Go's amd64 intrinsics do.
 */
final class SwissCtrl {
    private SwissCtrl() {
    }

    /** Slots per group (abi.SwissMapGroupSlots). */
    static final int SLOTS = 8;
    /** Control byte of an empty slot (group.go ctrlEmpty). */
    static final int EMPTY = 0x80;
    /** Control byte of a deleted slot, a tombstone (group.go ctrlDeleted). */
    static final int DELETED = 0xFE;
    /** Low bit of every byte (bitsetLSB). */
    static final long LSB = 0x0101010101010101L;
    /** High bit of every byte (bitsetMSB). */
    static final long MSB = 0x8080808080808080L;
    /** A control word with every slot empty (bitsetEmpty). */
    static final long ALL_EMPTY = LSB * EMPTY;
    /** Bits of a full slot's control byte: the H2 (hash &amp; 0x7f). */
    static final long H2_MASK = 0x7f;
    /** Bits of the hash below H1 (h1 = hash &gt;&gt; 7). */
    static final int H2_BITS = 7;
    private static final int BYTE = 8;
    private static final int BYTE_MASK = 0xff;
    private static final int SHIFT_FOR_BYTE_BITSET = 3;
    private static final VectorSpecies<Long> TWO_LONGS = LongVector.SPECIES_128;
    private static final long LOW_SLOT_BITS = 0xff;

    /** h2(hash): the 7 low bits (map.go h2). */
    static long h2(long hash) {
        return hash & H2_MASK;
    }

    /** h1(hash): the 57 high bits (map.go h1). */
    static long h1(long hash) {
        return hash >>> H2_BITS;
    }

    /** The i-th control byte. */
    static int get(long ctrl, int i) {
        return (int) (ctrl >>> (i * BYTE)) & BYTE_MASK;
    }

    /** The word with the i-th control byte replaced by c. */
    static long set(long ctrl, int i, int c) {
        final int shift = i * BYTE;
        return (ctrl & ~((long) BYTE_MASK << shift)) | ((long) c << shift);
    }

    /** Go's portable matchH2: full slots whose byte equals h2, plus rare false positives. */
    static long matchH2(long ctrl, long h2) {
        final long v = ctrl ^ (LSB * h2);
        return ((v - LSB) & ~v) & MSB;
    }

    /**
     * Exact H2 match as a packed mask (bit i = slot i): the word broadcast into both lanes of a
     * 128-bit vector, compared byte-wise, the low 8 mask bits kept. (A 64-bit species would do
     * with one copy, but C2 on JDK 25 does not intrinsify it here: it allocated 176 bytes per
     * match, where the 128-bit form allocates nothing.)
     */
    static long matchH2Vector(long ctrl, long h2) {
        final ByteVector bytes = LongVector.broadcast(TWO_LONGS, ctrl).reinterpretAsBytes();
        return bytes.eq((byte) h2).toLong() & LOW_SLOT_BITS;
    }

    /** Empty slots: bit 7 set and bit 1 clear (ctrlGroupMatchEmpty). */
    static long matchEmpty(long ctrl) {
        return (ctrl & ~(ctrl << 6)) & MSB;
    }

    /** Empty or deleted slots: bit 7 set (ctrlGroupMatchEmptyOrDeleted). */
    static long matchEmptyOrDeleted(long ctrl) {
        return ctrl & MSB;
    }

    /** Full slots: bit 7 clear (ctrlGroupMatchFull). */
    static long matchFull(long ctrl) {
        return ~ctrl & MSB;
    }

    /** The first slot of a byte bitset (bitsetFirst: trailing zeros / 8). */
    static int first(long bitset) {
        return Long.numberOfTrailingZeros(bitset) >>> SHIFT_FOR_BYTE_BITSET;
    }

    /** The bitset without its first slot (removeFirst). */
    static long removeFirst(long bitset) {
        return bitset & (bitset - 1);
    }

    /** The byte bitset without the slots below i (bitsetRemoveBelow). */
    static long removeBelow(long bitset, int i) {
        final long mask = (1L << (BYTE * i)) - 1;
        return bitset & ~mask;
    }

    /** Slot-index shift for a style's match result: 3 for byte bitsets (SWAR), 0 for packed (VECTOR). */
    static int firstShift(SwissLookupStyle style) {
        return style == SwissLookupStyle.VECTOR ? 0 : SHIFT_FOR_BYTE_BITSET;
    }
}
