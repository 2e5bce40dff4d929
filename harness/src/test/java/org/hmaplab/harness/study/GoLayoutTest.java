package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bucket-size formula against the table of GO-MAP-SPEC.md 2.4, whose sizes were read from the
 * Go 1.19.8 runtime's own {@code maptype.bucketsize} on amd64.
 */
class GoLayoutTest {

    private static void bucket(GoLayout.GoType k, GoLayout.GoType v, int expected) {
        assertEquals(expected, GoLayout.bucketBytes(k, v), "map[" + k.name() + "]" + v.name());
    }

    @Test
    void bucketSizesMatchEveryRowOfTheSpecTable() {
        bucket(GoLayout.INT64, GoLayout.INT64, 144);
        bucket(GoLayout.STRING, GoLayout.INT, 208);
        bucket(GoLayout.INT, GoLayout.STRING, 208);
        bucket(GoLayout.byteArray(16), GoLayout.INT64, 208);
        bucket(GoLayout.STRING, GoLayout.STRING, 272);
        bucket(GoLayout.INT32, GoLayout.INT8, 56);
        bucket(GoLayout.INT64, GoLayout.EMPTY_STRUCT, 80);
        bucket(GoLayout.byteArray(128), GoLayout.INT64, 1104);
        bucket(GoLayout.byteArray(129), GoLayout.INT64, 144);
        bucket(GoLayout.INT64, GoLayout.byteArray(129), 144);
    }

    @Test
    void keysOver128BytesAreStoredAsPointers() {
        assertTrue(GoLayout.byteArray(129).indirect());
        assertEquals(8, GoLayout.byteArray(129).slot());
        assertEquals(128, GoLayout.byteArray(128).slot());
    }

    @Test
    void eightSlotsOfAnySizeEndOnAnEightByteBoundarySoNoTypeNeedsPadding() {
        // 8 * size is a multiple of 8 for every size, and alignments are at most 8: the reason Go
        // puts all keys before all elems (map.go:150-160). Hand-computed sizes from the formula:
        // int8 / [3]byte: 8 + 8 + 24 = 40, + 8 = 48; [5]byte / [5]byte: 8 + 40 + 40 = 88, + 8 = 96.
        assertEquals(48, GoLayout.bucketBytes(GoLayout.INT8, GoLayout.byteArray(3)));
        assertEquals(96, GoLayout.bucketBytes(GoLayout.byteArray(5), GoLayout.byteArray(5)));
        final GoLayout.GoType[] odd = {GoLayout.INT8, GoLayout.INT32, GoLayout.byteArray(3), GoLayout.byteArray(7),
            GoLayout.STRING, GoLayout.EMPTY_STRUCT, GoLayout.byteArray(129)};
        for (GoLayout.GoType k : odd) {
            for (GoLayout.GoType v : odd) {
                assertEquals(0, GoLayout.paddingBytes(k, v), "map[" + k.name() + "]" + v.name());
            }
        }
    }

    @Test
    void sizeClassesRoundUpAsGo119Does() {
        // runtime/sizeclasses.go (go1.19.8): classes ... 128, 144, 160 ...; 8, 16 at the bottom
        assertEquals(144, GoLayout.sizeClass(129));
        assertEquals(16, GoLayout.sizeClass(10));
        assertEquals(8, GoLayout.sizeClass(1));
        assertEquals(32768, GoLayout.sizeClass(32768));
        assertThrows(IllegalArgumentException.class, () -> GoLayout.sizeClass(32769));
    }

    @Test
    void aTypeWithAnImpossibleAlignmentIsRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GoLayout.GoType("odd", 6, 3, false));
        assertTrue(e.getMessage().contains("align 1, 2, 4 or 8"), e.getMessage());
    }
}
