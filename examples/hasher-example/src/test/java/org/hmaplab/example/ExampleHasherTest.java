package org.hmaplab.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.quality.QualityMode;
import org.hmaplab.hash.quality.QualityRow;
import org.hmaplab.hash.quality.QualitySuite;
import org.junit.jupiter.api.Test;

/**
 * The example extension as the testbed sees it: found by the registry through ServiceLoader,
 * marked as an extension, hashing as its class documentation specifies, and judged by the quality
 * suite like every built-in hasher.
 */
class ExampleHasherTest {

    private static final String NAME = "example-xsm";

    @Test
    void theRegistryFindsTheExtensionThroughServiceLoaderAfterTheBuiltInHashers() {
        List<String> names = Hashers.names();
        assertEquals(NAME, names.get(names.size() - 1), names.toString());
        assertTrue(Hashers.isExtension(NAME));
        assertInstanceOf(ExampleHasher.class, Hashers.byName(NAME));
        assertTrue(Hashers.extensionsDescription().startsWith(NAME + "=" + ExampleHasher.class.getName() + "@"),
            Hashers.extensionsDescription());
    }

    @Test
    void hashesMatchVectorsFromAnIndependentImplementationOfTheDocumentedConstruction() {
        // computed with a separate Python implementation of the construction in the class doc
        ExampleHasher h = new ExampleHasher();
        assertEquals(0x4e0534a773449076L, h.hashBytes(new byte[0], 0L));
        assertEquals(0x6b5f2436b074091fL, h.hashBytes("abc".getBytes(StandardCharsets.US_ASCII), 0L));
        assertEquals(0xb23db37b59b79b5dL, h.hashBytes("hello, world!".getBytes(StandardCharsets.US_ASCII), 42L));
        assertEquals(0x8cc586ab09240aafL, h.hashLong(1234567L, 7L));
        assertEquals(0x90deea46a0097626L, h.hashChars("H\u00e9", 5L));
        byte[] ramp = new byte[20];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        assertEquals(0xdf3ec82acd3e760eL, h.hashBytes(ramp, -1L));
    }

    @Test
    void theQualitySuiteJudgesTheExtensionAndItPassesEveryCheck() {
        List<QualityRow> rows = new QualitySuite().run(Hashers.byName(NAME), QualityMode.QUICK);
        assertEquals(new QualitySuite().tests().size(), rows.stream().map(QualityRow::test).distinct().count(),
            rows.toString());
        assertTrue(QualitySuite.allPassed(rows), rows.toString());
    }
}
