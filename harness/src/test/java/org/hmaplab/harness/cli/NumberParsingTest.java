package org.hmaplab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class NumberParsingTest {

    @Test
    void seedsAreSignedDecimalOrUnsignedHex() {
        assertEquals(0L, NumberParsing.parseLong64("0"));
        assertEquals(-5L, NumberParsing.parseLong64("-5"));
        assertEquals(-1L, NumberParsing.parseLong64("0xffffffffffffffff"));
        assertEquals(0x9e3779b97f4a7c15L, NumberParsing.parseLong64("0x9E3779B97F4A7C15"));
        assertEquals(Long.MIN_VALUE, NumberParsing.parseLong64("-9223372036854775808"));
    }

    @Test
    void malformedSeedsAreRejected() {
        for (String bad : new String[] {"", "0x", "0x1g", "0x12345678901234567", "1.5", "9223372036854775808"}) {
            assertThrows(TypeConversionException.class, () -> NumberParsing.parseLong64(bad), bad);
        }
    }

    @Test
    void hexBytesArePairsOfDigits() {
        assertArrayEquals(new byte[] {0x66, 0x6f, (byte) 0xff}, NumberParsing.parseHexBytes("666fFF"));
        assertArrayEquals(new byte[0], NumberParsing.parseHexBytes(""));
        assertArrayEquals(new byte[] {1}, NumberParsing.parseHexBytes("0x01"));
        assertThrows(TypeConversionException.class, () -> NumberParsing.parseHexBytes("6"));
        assertThrows(TypeConversionException.class, () -> NumberParsing.parseHexBytes("6 6"));
    }
}
