package org.hmaplab.hash.aes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The fixed constants of the AES hash (see {@link AesHasher}): the 128-byte key schedule
 * {@code KS}, the first 256 hexadecimal digits of the fraction of pi, and the seed block.
 * The same bytes are spelled out in {@code src/main/c/aeshash.c}; the tests check both against pi
 * computed independently and against Blowfish's published P-array.
 */
final class AesKeySchedule {

    /** Bytes in the key schedule: eight 16-byte lane constants. */
    static final int SIZE = 128;

    /** Lanes of the widest case (inputs over 64 bytes). */
    static final int MAX_LANES = 8;

    /** Pi's hexadecimal fraction, 243f6a88..., two digits per byte. */
    private static final String PI_FRACTION_HEX =
            "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89"
            + "452821e638d01377be5466cf34e90c6cc0ac29b7c97c50dd3f84d5b5b5470917"
            + "9216d5d98979fb1bd1310ba698dfb5ac2ffd72dbd01adfb7b8e1afed6a267e96"
            + "ba7c9045f12c7f9924a19947b3916cf70801f2e2858efc16636920d871574e69";

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** {@code KS} as bytes; {@code KS[j]} is bytes {@code 16j .. 16j+15}. Never modified. */
    static final byte[] BYTES = HexFormat.of().parseHex(PI_FRACTION_HEX);

    /** {@code KS[j].lo} at index {@code 2j}, {@code KS[j].hi} at {@code 2j+1} (little-endian). */
    static final long[] LONGS = new long[SIZE / Long.BYTES];

    static {
        for (int i = 0; i < LONGS.length; i++) {
            LONGS[i] = (long) LONG_LE.get(BYTES, i * Long.BYTES);
        }
    }

    /** Each 16-bit field of the seed block's high half holds the length's low 16 bits. */
    private static final long LENGTH_REPEATED_FOUR_TIMES = 0x0001_0001_0001_0001L;

    private static final int LENGTH_FIELD_MASK = 0xffff;

    private AesKeySchedule() {
    }

    /** The high half of the seed block {@code S} for an input of {@code len} bytes. */
    static long seedHigh(int len) {
        return (len & LENGTH_FIELD_MASK) * LENGTH_REPEATED_FOUR_TIMES;
    }
}
