package org.hmaplab.hash.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hmaplab.hash.cpu.CpuFeatures;
import org.junit.jupiter.api.Test;

/** Every branch of every policy, on synthetic feature sets. */
class HasherSelectionTest {

    private static CpuFeatures x86(String flags, int vectorBits) {
        return CpuFeatures.builder().osArch("amd64").cpuFlags(flags, "test cpu").vectorBits(vectorBits).build();
    }

    private static CpuFeatures arm(String features) {
        return CpuFeatures.fromCpuinfo("processor\t: 0\nFeatures\t: " + features + "\n", "aarch64");
    }

    private static CpuFeatures unknownEverything(String arch) {
        return CpuFeatures.builder().noCpuinfo("/proc/cpuinfo absent").osArch(arch).build();
    }

    @Test
    void cardPicksAesWhenTheCpuHasAes() {
        Selection s = HasherSelection.select(x86("sse2 aes", 0), "card");
        assertEquals("aes", s.hasherName());
        assertEquals("card", s.policy());
        assertEquals("card: CPU has AES instructions (cpuinfo flag aes) -> aes", s.reason());
        assertFalse(s.overridden());
    }

    @Test
    void cardPicksRc6WithoutAesWhenVectorsAreAtLeast128Bits() {
        Selection s = HasherSelection.select(x86("sse2 avx2", 128), "card");
        assertEquals("rc6", s.hasherName());
        assertTrue(s.reason().contains("128 bits >= 128"), s.reason());
    }

    @Test
    void cardPicksFnvWithoutAesWhenVectorsAreNarrow() {
        Selection s = HasherSelection.select(x86("sse2", 64), "card");
        assertEquals("fnv1a", s.hasherName());
        assertTrue(s.reason().contains("64 bits < 128"), s.reason());
    }

    @Test
    void cardCountsAnUnavailableVectorApiAsNarrow() {
        Selection s = HasherSelection.select(x86("sse2", -1), "card");
        assertEquals("fnv1a", s.hasherName());
        assertTrue(s.reason().contains("Vector API unavailable"), s.reason());
    }

    @Test
    void cardCountsUnknownAesAsAbsent() {
        Selection s = HasherSelection.select(unknownEverything("amd64"), "card");
        assertEquals("fnv1a", s.hasherName());
        assertTrue(s.reason().contains("aes unknown, counted as absent"), s.reason());
        CpuFeatures vectorsOnly = CpuFeatures.builder().noCpuinfo("absent").vectorBits(256).build();
        assertEquals("rc6", HasherSelection.select(vectorsOnly, "card").hasherName());
    }

    @Test
    void cardTrustsTheJvmsAesFlagWhenCpuinfoIsMissing() {
        CpuFeatures f = CpuFeatures.builder().noCpuinfo("absent").jvmOption("UseAES", "true").build();
        Selection s = HasherSelection.select(f, "card");
        assertEquals("aes", s.hasherName());
        assertTrue(s.reason().contains("JVM UseAES=true"), s.reason());
    }

    @Test
    void goPicksAesOnX86OnlyWithAesSsse3AndSse41() {
        assertEquals("aes", HasherSelection.select(x86("aes ssse3 sse4_1", 0), "go").hasherName());
        assertEquals("go", HasherSelection.select(x86("aes ssse3", 0), "go").hasherName());
        assertEquals("go", HasherSelection.select(x86("aes sse4_1", 0), "go").hasherName());
        Selection noAes = HasherSelection.select(x86("ssse3 sse4_1", 512), "go");
        assertEquals("go", noAes.hasherName());
        assertTrue(noAes.reason().contains("no aes (no cpuinfo flag aes)"), noAes.reason());
    }

    @Test
    void goPicksAesOnArm64WithAesAlone() {
        assertEquals("aes", HasherSelection.select(arm("fp asimd aes pmull"), "go").hasherName());
        Selection s = HasherSelection.select(arm("fp asimd"), "go");
        assertEquals("go", s.hasherName());
        assertTrue(s.reason().startsWith("go: arm64 CPU: no AES"), s.reason());
    }

    @Test
    void goFallsBackOnOtherArchitecturesEvenWithAes() {
        CpuFeatures riscv = CpuFeatures.builder().osArch("riscv64").cpuFlags("aes", "x").build();
        Selection s = HasherSelection.select(riscv, "go");
        assertEquals("go", s.hasherName());
        assertTrue(s.reason().contains("riscv64"), s.reason());
    }

    @Test
    void goCountsUnknownFeaturesAsAbsent() {
        Selection x = HasherSelection.select(unknownEverything("amd64"), "go");
        assertEquals("go", x.hasherName());
        assertTrue(x.reason().contains("aes unknown, counted as absent"), x.reason());
        assertEquals("go", HasherSelection.select(unknownEverything("aarch64"), "go").hasherName());
    }

    @Test
    void unknownPolicyIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HasherSelection.select(x86("aes", 0), "fastest"));
        assertEquals("unknown selection policy 'fastest'; valid: card, go", e.getMessage());
    }

    @Test
    void unknownOverrideNameIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> HasherSelection.select(x86("aes", 0), "card", "no-such-hasher", List.of("aes", "go")));
        assertTrue(e.getMessage().startsWith("unknown hasher 'no-such-hasher' (given by --hasher); valid: "),
            e.getMessage());
    }

    @Test
    void aNullOverrideLeavesThePolicysChoice() {
        assertEquals("aes", HasherSelection.select(x86("aes", 0), "card", null, List.of("aes", "go")).hasherName());
    }
}
