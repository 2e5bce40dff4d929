package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The per-thread UTF-16 scratch of {@link AesHasher#hashChars}: the bytes it holds, and that it and
 * its heap segment are made once and reused until a longer sequence arrives (the native backend
 * passes that segment down, so a hash makes no segment of its own).
 */
class Utf16ScratchTest {

    @Test
    void holdsTheUtf16LittleEndianBytesOfTheSequence() {
        Utf16Scratch s = Utf16Scratch.fill("A\u00e9\u20ac");
        // 'A' = 0x0041, e-acute = 0x00E9, euro sign = 0x20AC, low byte first
        byte[] expected = {0x41, 0x00, (byte) 0xE9, 0x00, (byte) 0xAC, 0x20};
        assertArrayEquals(expected, Arrays.copyOf(s.bytes, 6));
    }

    @Test
    void theSameScratchAndSegmentServeEverySequenceThatFits() {
        Utf16Scratch first = Utf16Scratch.fill("a string longer than eight chars");
        Utf16Scratch second = Utf16Scratch.fill("another one");
        assertSame(first, second);
        assertSame(first.segment, second.segment);
        assertEquals((byte) 'a', second.segment.get(ValueLayout.JAVA_BYTE, 0));
        assertEquals((byte) 'n', second.segment.get(ValueLayout.JAVA_BYTE, 2));
    }

    @Test
    void aLongerSequenceGetsALargerArrayWithItsOwnSegment() {
        Utf16Scratch small = Utf16Scratch.fill("short");
        int capacity = small.bytes.length;
        Utf16Scratch large = Utf16Scratch.fill("z".repeat(capacity));
        assertNotSame(small, large);
        assertEquals(2L * capacity, large.bytes.length);
        assertEquals(large.bytes.length, large.segment.byteSize());
        assertEquals((byte) 'z', large.segment.get(ValueLayout.JAVA_BYTE, 2L * capacity - 2));
        assertSame(large, Utf16Scratch.fill("short again"));
    }
}
