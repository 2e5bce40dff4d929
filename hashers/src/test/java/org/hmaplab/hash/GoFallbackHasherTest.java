package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link GoFallbackHasher} against vectors printed by Go 1.19's own runtime (runtime.memhash and
 * runtime.memhash64 with the AES hash off): {@code go-fallback-vectors.txt}, made by
 * {@code hashers/src/test/go/fallbackvectors/main.go}; the command is in the file's header.
 */
class GoFallbackHasherTest {
    private static final Hasher GO = GoFallbackHasher.INSTANCE;

    @Test
    void everyVectorPrintedByGo119IsReproducedByBytesLongsAndChars() throws IOException {
        int bytesLines = 0;
        int longLines = 0;
        try (InputStream in = getClass().getResourceAsStream("/go-fallback-vectors.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                final String[] f = line.split(" ");
                assertEquals(6, f.length, "line " + lineNo + ": " + line);
                final int len = Integer.parseInt(f[1]);
                final long effectiveSeed = Long.parseUnsignedLong(f[3], 16);
                final byte[] data = "-".equals(f[4]) ? new byte[0] : HexFormat.of().parseHex(f[4]);
                final long expected = Long.parseUnsignedLong(f[5], 16);
                assertEquals(len, data.length, "line " + lineNo);
                final String where = "line " + lineNo + ": " + line;
                if ("bytes".equals(f[0])) {
                    assertEquals(expected, GO.hashBytes(data, effectiveSeed), where);
                    if (len % 2 == 0) { // the same bytes read as UTF-16LE chars
                        final char[] chars = new char[len / 2];
                        for (int i = 0; i < chars.length; i++) {
                            chars[i] = (char) ((data[2 * i] & 0xff) | (data[2 * i + 1] & 0xff) << 8);
                        }
                        assertEquals(expected, GO.hashChars(new String(chars), effectiveSeed), "chars, " + where);
                    }
                    bytesLines++;
                } else {
                    assertEquals("long", f[0], where);
                    final long key = LittleEndian.getLong(data, 0);
                    assertEquals(expected, GO.hashLong(key, effectiveSeed), where);
                    longLines++;
                }
            }
        }
        assertTrue(bytesLines >= 400, "memhash vectors read: " + bytesLines);
        assertTrue(longLines >= 50, "memhash64 vectors read: " + longLines);
    }
}
