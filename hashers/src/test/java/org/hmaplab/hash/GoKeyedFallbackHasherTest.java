package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link GoKeyedFallbackHasher} against vectors printed by the Go runtime itself (runtime.memhash
 * and runtime.memhash64 with {@code GODEBUG=cpu.aes=off}, and the process's runtime.hashkey) by
 * {@code hashers/src/test/go/hash123}, for Go 1.24 and Go 1.27 (whose keys live in
 * internal/runtime/maps); each file's header holds the command that made it.
 */
class GoKeyedFallbackHasherTest {
    private static final int KEY_FIELDS = 5;

    @ParameterizedTest
    @ValueSource(strings = {"go1.24", "go1.27"})
    void everyVectorPrintedByTheGoRuntimeIsReproducedWithItsProcessKeys(String release) throws IOException {
        Hasher go = null;
        int longs = 0;
        int bytes = 0;
        try (InputStream in = getClass().getResourceAsStream("/go123-fallback-vectors-" + release + ".txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                final String[] f = line.split(" ");
                final String where = release + " line " + lineNo + ": " + line;
                if ("hashkey".equals(f[0])) {
                    assertEquals(KEY_FIELDS, f.length, where);
                    final long[] keys = new long[GoKeyedFallbackHasher.KEY_COUNT];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = Long.parseUnsignedLong(f[i + 1], 16);
                    }
                    go = GoKeyedFallbackHasher.withProcessKeys(keys);
                    continue;
                }
                assertEquals(5, f.length, where);
                final long seed = Long.parseUnsignedLong(f[2], 16);
                final byte[] data = "-".equals(f[3]) ? new byte[0] : HexFormat.of().parseHex(f[3]);
                final long expected = Long.parseUnsignedLong(f[4], 16);
                assertEquals(Integer.parseInt(f[1]), data.length, where);
                if ("long".equals(f[0])) {
                    assertEquals(expected, go.hashLong(LittleEndian.getLong(data, 0), seed), where);
                    longs++;
                } else {
                    assertEquals("bytes", f[0], where);
                    assertEquals(expected, go.hashBytes(data, seed), where);
                    if (data.length % 2 == 0) {
                        final char[] chars = new char[data.length / 2];
                        for (int i = 0; i < chars.length; i++) {
                            chars[i] = (char) ((data[2 * i] & 0xff) | (data[2 * i + 1] & 0xff) << 8);
                        }
                        assertEquals(expected, go.hashChars(new String(chars), seed), "chars, " + where);
                    }
                    bytes++;
                }
            }
        }
        assertTrue(longs >= 100, "long vectors read: " + longs);
        assertTrue(bytes >= 100, "bytes vectors read: " + bytes);
    }

    @Test
    void withGo119sConstantsAsKeysItIsGo119sHash() {
        // Go 1.19's hash64.go: seed ^= hashkey[0] ^ m1 with GoFallbackHasher's seed standing for
        // seed ^ hashkey[0], and m2..m4 where Go 1.23 reads hashkey[1..3].
        final Hasher keyed = GoKeyedFallbackHasher.withProcessKeys(
                0xa0761d6478bd642fL, 0xe7037ed1a0b428dbL, 0x8ebc6af09c88c6e3L, 0x589965cc75374cc3L);
        final byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 11);
        }
        for (int len = 0; len <= data.length; len++) {
            assertEquals(GoFallbackHasher.INSTANCE.hashBytes(data, 0, len, 42), keyed.hashBytes(data, 0, len, 42));
        }
        assertEquals(GoFallbackHasher.INSTANCE.hashLong(-7, 9), keyed.hashLong(-7, 9));
    }

    @Test
    void differentProcessKeysGiveDifferentHashes() {
        final Hasher a = GoKeyedFallbackHasher.withProcessKeys(1, 2, 3, 4);
        final Hasher b = GoKeyedFallbackHasher.withProcessKeys(1, 5, 3, 4);
        assertNotEquals(a.hashLong(123, 0), b.hashLong(123, 0));
    }

    @Test
    void refusesAnyNumberOfKeysButFour() {
        assertThrows(IllegalArgumentException.class, () -> GoKeyedFallbackHasher.withProcessKeys(1, 2, 3));
    }
}
