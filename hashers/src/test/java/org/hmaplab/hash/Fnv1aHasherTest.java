package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Fnv1aHasherTest {
    private static final Hasher FNV = Fnv1aHasher.INSTANCE;

    /**
     * Seed 0 is canonical FNV-1a 64. Vectors for "", "a", "b", "c" and "foobar" are from the FNV
     * reference test list (test_fnv.c, fnv1a_64_vector, Landon Curt Noll; as quoted in public copies
     * of it); every vector here was also computed independently with a Python 3 FNV-1a loop
     * ({@code h = ((h ^ b) * 0x100000001b3) % 2**64} from {@code 0xcbf29ce484222325}).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                 | cbf29ce484222325",
        "a                  | af63dc4c8601ec8c",
        "b                  | af63df4c8601f1a5",
        "c                  | af63de4c8601eff2",
        "foo                | dcb27518fed9d577",
        "foobar             | 85944171f73967e8",
        "'chongo was here!\n' | 46810940eff5f915",
        "http://www.isthe.com/chongo/tech/math/prime/mersenne.html#largest | 8e87d7e7472b3883",
    })
    void seedZeroGivesTheReferenceFnv1a64Values(String input, String hex) {
        final String s = input.replace("\\n", "\n");
        assertEquals(Long.parseUnsignedLong(hex, 16), FNV.hashBytes(s.getBytes(StandardCharsets.US_ASCII), 0L));
    }

    /** Python 3: the same loop over bytes(range(256)), from 0xcbf29ce484222325 ^ seed. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 4242dc5249c33625",
        "0123456789abcdef, c65e3254e45204ca",
    })
    void theSeedIsXoredIntoTheOffsetBasis(String seedHex, String hex) {
        final byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertEquals(Long.parseUnsignedLong(hex, 16), FNV.hashBytes(all, Long.parseUnsignedLong(seedHex, 16)));
    }
}
