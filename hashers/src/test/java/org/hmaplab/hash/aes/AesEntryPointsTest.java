package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Hasher contract's equalities and the basic separation properties, on every backend. */
class AesEntryPointsTest {

    private static final long[] SPECIAL_LONGS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L};

    private static byte[] littleEndian(long key) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(key).array();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hashLongEqualsHashBytesOfTheEightLittleEndianBytes(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        Random random = new Random(64);
        for (int i = 0; i < 1000; i++) {
            long key = i < SPECIAL_LONGS.length ? SPECIAL_LONGS[i] : random.nextLong();
            long seed = random.nextLong();
            assertEquals(hasher.hashBytes(littleEndian(key), seed), hasher.hashLong(key, seed),
                    "key " + Long.toHexString(key));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void hashCharsEqualsHashBytesOfTheUtf16LeCodeUnits(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        Random random = new Random(16);
        for (int len = 0; len <= 300; len++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < len; i++) {
                // ASCII, Latin-1, CJK and lone surrogates: every code unit as it stands.
                sb.append((char) switch (i % 4) {
                    case 0 -> 'a' + random.nextInt(26);
                    case 1 -> 0xa0 + random.nextInt(0x60);
                    case 2 -> 0x4e00 + random.nextInt(0x5000);
                    default -> 0xd800 + random.nextInt(0x800);
                });
            }
            String s = sb.toString();
            // Built by hand: String.getBytes(UTF_16LE) would replace the lone surrogates.
            byte[] utf16le = new byte[2 * len];
            for (int i = 0; i < len; i++) {
                utf16le[2 * i] = (byte) s.charAt(i);
                utf16le[2 * i + 1] = (byte) (s.charAt(i) >>> 8);
            }
            if (len < 4) { // no lone surrogate yet: the hand-built bytes are the JDK's UTF-16LE
                assertArrayEquals(s.getBytes(StandardCharsets.UTF_16LE), utf16le);
            }
            assertEquals(hasher.hashBytes(utf16le, 77L), hasher.hashChars(s, 77L), "length " + len);
            assertEquals(hasher.hashChars(s, 77L), hasher.hashChars(sb, 77L), "StringBuilder, length " + len);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void zeroFilledKeysOfLengthsZeroTo64AllHashDifferently(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        byte[] zeros = new byte[64];
        for (long seed : new long[] {0L, 1L, -1L}) {
            Set<Long> seen = new HashSet<>();
            for (int len = 0; len <= 64; len++) {
                assertTrue(seen.add(hasher.hashBytes(zeros, 0, len, seed)), "length " + len + ", seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void differentSeedsGiveDifferentHashes(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        byte[] data = "the same bytes under many seeds, long enough for eight lanes and a loop...".repeat(3)
                .getBytes(StandardCharsets.US_ASCII);
        for (int len : new int[] {0, 5, 16, 24, 50, 100, data.length}) {
            Set<Long> seen = new HashSet<>();
            for (long seed = 0; seed < 200; seed++) {
                assertTrue(seen.add(hasher.hashBytes(data, 0, len, seed)), "length " + len + ", seed " + seed);
            }
            assertNotEquals(hasher.hashBytes(data, 0, len, 1L << 63), hasher.hashBytes(data, 0, len, 0L));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badRangesAndNullsAreRejectedWithClearErrors(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        byte[] data = new byte[10];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> hasher.hashBytes(data, 4, 7, 0L));
        assertTrue(e.getMessage().contains("out of bounds for length 10"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> hasher.hashBytes(data, -1, 2, 0L));
        assertThrows(IndexOutOfBoundsException.class, () -> hasher.hashBytes(data, 0, -1, 0L));
        assertThrows(NullPointerException.class, () -> hasher.hashBytes(null, 0, 0, 0L));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> hasher.hashChars(null, 0L));
        assertTrue(npe.getMessage().contains("CharSequence"), npe.getMessage());
    }
}
