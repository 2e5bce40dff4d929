package org.hmaplab.harness.study;

/**
 * Go 1.19's bucket layout rules for a {@code map[K]V} on amd64 (GO-MAP-SPEC.md 2.3-2.5):
 * 8 tophash bytes, 8 key slots, 8 elem slots, one 8-byte overflow link. A key or elem larger
 * than 128 bytes is stored indirectly, as an 8-byte pointer to a separately allocated object.
 * {@code size = align8(align(align(8, keyAlign) + 8*keySlot, elemAlign) + 8*elemSlot) + 8}.
 */
public final class GoLayout {

    /** Slots per bucket (bucketCnt, map.go:67). */
    public static final int SLOTS = 8;
    /** Bytes of tophash at the start of a bucket (dataOffset, map.go:84). */
    public static final int TOPHASH_BYTES = 8;
    /** The overflow link (a pointer or uintptr, 8 bytes on amd64). */
    public static final int OVERFLOW_LINK_BYTES = 8;
    /** Pointer size on amd64. */
    public static final int POINTER_BYTES = 8;
    /** Largest key or elem stored inline (maxKeySize, maxElemSize, map.go:78-79). */
    public static final int MAX_INLINE = 128;
    /** Go's load factor, 13/2 (map.go:71-72). */
    public static final double LOAD_FACTOR = 6.5;

    /** Go's malloc size classes up to 32 KiB (runtime/sizeclasses.go, class_to_size, go1.19.8). */
    private static final int[] SIZE_CLASSES = {8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208,
        224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536,
        1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
        10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

    private GoLayout() {
    }

    /**
     * A Go type's size and alignment (amd64).
     *
     * @param name  as written in Go
     * @param size  {@code unsafe.Sizeof}
     * @param align {@code unsafe.Alignof}
     * @param bytesOutside whether a value of this type keeps data outside the map (a string's bytes)
     */
    public record GoType(String name, int size, int align, boolean bytesOutside) {

        public GoType {
            if (size < 0 || align < 1 || align > 8 || Integer.bitCount(align) != 1) {
                throw new IllegalArgumentException("type " + name + ": size must be >= 0 and align 1, 2, 4 or 8;"
                    + " got size " + size + ", align " + align);
            }
        }

        /** Whether a map stores it as a pointer. */
        public boolean indirect() {
            return size > MAX_INLINE;
        }

        /** Bytes of its slot in a bucket. */
        public int slot() {
            return indirect() ? POINTER_BYTES : size;
        }

        /** Alignment of its slot. */
        public int slotAlign() {
            return indirect() ? POINTER_BYTES : align;
        }
    }

    /** int64, int, uint64. */
    public static final GoType INT64 = new GoType("int64", 8, 8, false);
    /** int (8 bytes on amd64). */
    public static final GoType INT = new GoType("int", 8, 8, false);
    /** int32. */
    public static final GoType INT32 = new GoType("int32", 4, 4, false);
    /** int8. */
    public static final GoType INT8 = new GoType("int8", 1, 1, false);
    /** string: a 16-byte header (data pointer, length); the bytes live outside the map. */
    public static final GoType STRING = new GoType("string", 16, 8, true);
    /** struct{}: zero bytes. */
    public static final GoType EMPTY_STRUCT = new GoType("struct{}", 0, 1, false);

    /** [n]byte. */
    public static GoType byteArray(int n) {
        return new GoType("[" + n + "]byte", n, 1, false);
    }

    /** {@code x} rounded up to a multiple of {@code a} (a power of two). */
    static int alignUp(int x, int a) {
        return (x + a - 1) & -a;
    }

    /** The bucket size of {@code map[key]elem} in bytes (the 2.4 formula). */
    public static int bucketBytes(GoType key, GoType elem) {
        final int keysEnd = alignUp(TOPHASH_BYTES, key.slotAlign()) + SLOTS * key.slot();
        final int elemsEnd = alignUp(keysEnd, elem.slotAlign()) + SLOTS * elem.slot();
        return alignUp(elemsEnd, POINTER_BYTES) + OVERFLOW_LINK_BYTES;
    }

    /** Padding bytes in a bucket: its size less tophash, slots and link. */
    public static int paddingBytes(GoType key, GoType elem) {
        return bucketBytes(key, elem) - TOPHASH_BYTES - SLOTS * (key.slot() + elem.slot()) - OVERFLOW_LINK_BYTES;
    }

    /** The malloc size class an object of {@code bytes} is allocated in (bytes up to 32 KiB). */
    public static int sizeClass(int bytes) {
        for (int c : SIZE_CLASSES) {
            if (c >= bytes) {
                return c;
            }
        }
        throw new IllegalArgumentException(bytes + " bytes is above the small size classes (32768)");
    }
}
