package org.hmaplab.harness.cli;

import java.util.HexFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsers of the numbers and byte strings hbench accepts, with messages that say what is allowed. */
public final class NumberParsing {
    private NumberParsing() {
    }

    private static final int MAX_HEX_DIGITS = 16;

    /**
     * A 64-bit value: a signed decimal long ({@code -5}, {@code 42}) or {@code 0x} followed by 1 to
     * 16 hex digits, read as an unsigned 64-bit pattern ({@code 0xffffffffffffffff} is -1).
     */
    static long parseLong64(String s) {
        String t = s.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String digits = t.substring(2);
            if (digits.isEmpty() || digits.length() > MAX_HEX_DIGITS || !digits.matches("[0-9a-fA-F]+")) {
                throw new TypeConversionException("'" + s + "' is not a 64-bit hex value; after 0x give 1 to "
                    + MAX_HEX_DIGITS + " hex digits (0-9, a-f), e.g. 0x9e3779b97f4a7c15");
            }
            return Long.parseUnsignedLong(digits, 16);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not a number; give a signed decimal from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", or 0x and up to 16 hex digits");
        }
    }

    /** Bytes written as pairs of hex digits ({@code 666f6f}; an empty string is zero bytes). */
    static byte[] parseHexBytes(String s) {
        String t = s.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (!t.matches("[0-9a-fA-F]*")) {
            throw new TypeConversionException("'" + s + "' is not hex bytes: only the digits 0-9 and a-f are "
                + "allowed, two per byte, e.g. 666f6f626172");
        }
        if (t.length() % 2 != 0) {
            throw new TypeConversionException("'" + s + "' is not hex bytes: odd number of digits (" + t.length()
                + "); give two hex digits per byte, e.g. 666f6f626172");
        }
        return HexFormat.of().parseHex(t);
    }

    /** picocli converter for {@link #parseLong64}. */
    public static final class Long64 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseLong64(value);
        }
    }

    /** Bytes given in hex; a single-valued option type (picocli would read a plain byte[] as a list). */
    record Bytes(byte[] bytes) {
    }

    /** picocli converter for {@link #parseHexBytes}. */
    static final class HexBytes implements ITypeConverter<Bytes> {
        @Override
        public Bytes convert(String value) {
            return new Bytes(parseHexBytes(value));
        }
    }
}
