package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The fixed key schedule is what the documentation says: pi's hexadecimal fraction, in Java and in C. */
class AesKeyScheduleTest {

    /** Blowfish's P-array (Schneier, "Description of a New Variable-Length Key, 64-Bit Block Cipher", 1993). */
    private static final int[] BLOWFISH_P = {
        0x243F6A88, 0x85A308D3, 0x13198A2E, 0x03707344, 0xA4093822, 0x299F31D0,
        0x082EFA98, 0xEC4E6C89, 0x452821E6, 0x38D01377, 0xBE5466CF, 0x34E90C6C,
        0xC0AC29B7, 0xC97C50DD, 0x3F84D5B5, 0xB5470917, 0x9216D5D9, 0x8979FB1B,
    };

    /** pi to {@code digits} decimal digits by Machin's formula, 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal pi(int digits) {
        MathContext mc = new MathContext(digits + 10);
        return arctanOfInverse(5, mc).multiply(BigDecimal.valueOf(16))
                .subtract(arctanOfInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    private static BigDecimal arctanOfInverse(int x, MathContext mc) {
        BigDecimal xSquared = BigDecimal.valueOf((long) x * x);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc);
        BigDecimal sum = power;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision());
        for (int k = 1; power.compareTo(epsilon) > 0; k++) {
            power = power.divide(xSquared, mc);
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k % 2 == 1) ? sum.subtract(term, mc) : sum.add(term, mc);
        }
        return sum;
    }

    @Test
    void keyScheduleIsTheFirst1024BitsOfPisFraction() {
        BigDecimal fraction = pi(400).subtract(BigDecimal.valueOf(3));
        BigInteger bits = fraction.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(1024))).toBigInteger();
        String hex = String.format("%256s", bits.toString(16)).replace(' ', '0');
        assertEquals(hex, HexFormat.of().formatHex(AesKeySchedule.BYTES));
    }

    @Test
    void keyScheduleStartsWithBlowfishsPArray() {
        for (int i = 0; i < BLOWFISH_P.length; i++) {
            int word = (AesKeySchedule.BYTES[4 * i] & 0xff) << 24 | (AesKeySchedule.BYTES[4 * i + 1] & 0xff) << 16
                    | (AesKeySchedule.BYTES[4 * i + 2] & 0xff) << 8 | (AesKeySchedule.BYTES[4 * i + 3] & 0xff);
            assertEquals(BLOWFISH_P[i], word, "P[" + i + "]");
        }
    }

    @Test
    void nativeSourceCarriesTheSameKeySchedule() throws IOException {
        String c = Files.readString(Path.of("src/main/c/aeshash.c"));
        Matcher table = Pattern.compile("KEY_SCHEDULE\\[128\\][^{]*\\{([^}]*)\\}").matcher(c);
        assertEquals(true, table.find(), "KEY_SCHEDULE initializer in aeshash.c");
        Matcher hexByte = Pattern.compile("0x([0-9a-fA-F]{2})").matcher(table.group(1));
        StringBuilder hex = new StringBuilder();
        while (hexByte.find()) {
            hex.append(hexByte.group(1));
        }
        assertArrayEquals(AesKeySchedule.BYTES, HexFormat.of().parseHex(hex));
    }

    @Test
    void longViewIsTheLittleEndianReadingOfTheBytes() {
        assertEquals(0xd308a385886a3f24L, AesKeySchedule.LONGS[0]);
        assertEquals(0x694e5771d8206963L, AesKeySchedule.LONGS[15]);
    }
}
