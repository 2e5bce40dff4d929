package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hmaplab.hash.aes.AesBackendSelection.Decision;
import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.api.Test;

/** Which backend is chosen, and the words given for it. */
class AesBackendSelectionTest {

    @Test
    void nativeIsChosenWhenItsLibraryLoads() {
        Decision d = AesBackendSelection.decide(null, null, null);
        assertEquals(Backend.NATIVE, d.backend());
        assertEquals("native AES-NI library loaded from the jar", d.reason());
    }

    @Test
    void vectorApiIsChosenWhenTheNativeLibraryDoesNotLoad() {
        Decision d = AesBackendSelection.decide("", "no library in the jar", null);
        assertEquals(Backend.VECTOR, d.backend());
        assertEquals("native library not loadable: no library in the jar; using the Vector API", d.reason());
    }

    @Test
    void tableIsChosenWhenNeitherNativeNorVectorApiRuns() {
        Decision d = AesBackendSelection.decide(null, "no AES-NI", "module jdk.incubator.vector not in the boot layer");
        assertEquals(Backend.TABLE, d.backend());
        assertTrue(d.reason().contains("no AES-NI") && d.reason().contains("jdk.incubator.vector")
                && d.reason().endsWith("using the table-based AES round"), d.reason());
    }

    @Test
    void thePropertyForcesABackendInAnyCase() {
        Decision d = AesBackendSelection.decide(" Table ", null, null);
        assertEquals(Backend.TABLE, d.backend());
        assertEquals("table backend forced by -Dhmap.aes.backend= Table ", d.reason());
        assertEquals(Backend.VECTOR, AesBackendSelection.decide("vector", null, null).backend());
    }

    @Test
    void anUnknownPropertyValueIsAnErrorListingTheAllowedValues() {
        Decision d = AesBackendSelection.decide("aesni", null, null);
        assertNull(d.backend());
        assertEquals("-Dhmap.aes.backend=aesni is not a backend; allowed: native, vector, table", d.reason());
    }

    @Test
    void forcingAnUnavailableBackendIsAnErrorWithTheReason() {
        Decision d = AesBackendSelection.decide("native", "the CPU lacks AES-NI", null);
        assertNull(d.backend());
        assertEquals("-Dhmap.aes.backend=native asks for a backend that is not available: "
                + "native library not loadable: the CPU lacks AES-NI", d.reason());
    }

    @Test
    void createRunsOnTheDefaultBackendAndOnlyNativeIsHardwareBacked() {
        AesHasher hasher = AesHasher.create();
        assertEquals(AesHasher.defaultBackend(), hasher.backend());
        assertEquals(AesHasher.defaultBackendReason(), hasher.backendReason());
        assertEquals("aes", hasher.name());
        assertEquals("aes", hasher.family());
        for (Backend b : Backend.values()) {
            if (AesHasher.isAvailable(b)) {
                assertEquals(b == Backend.NATIVE, AesHasher.withBackend(b).hardwareBacked(), b.label());
            }
        }
    }

    @Test
    void onThisTestMachineTheNativeLibraryLoadsWhenTheCpuHasAes() {
        AesBackends.assumeAvailable(Backend.NATIVE);
        assumeTrue(System.getProperty(AesHasher.BACKEND_PROPERTY) == null, "backend forced by property");
        assertEquals(Backend.NATIVE, AesHasher.create().backend());
        assertTrue(AesHasher.create().hardwareBacked());
    }

    @Test
    void anExplicitlyRequestedBackendSaysSoInItsReason() {
        AesHasher table = AesHasher.withBackend(Backend.TABLE);
        if (AesHasher.defaultBackend() != Backend.TABLE) {
            assertTrue(table.backendReason().startsWith("table backend requested explicitly"), table.backendReason());
        }
        assertFalse(table.backendReason().isBlank());
        assertThrows(NullPointerException.class, () -> AesHasher.withBackend(null));
    }
}
