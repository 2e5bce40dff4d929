package org.hmaplab.hash.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The cpuinfo samples below are abridged from real Linux {@code /proc/cpuinfo} files: an x86 with
 * AES (the first processor block of an AMD EPYC VM), an older x86 without AES (flags of an Intel
 * Core 2 era part, which has ssse3 but no aes/sse4_1 on the Conroe variant), and an arm64
 * (Neoverse-style, with the {@code Features} line and no model name).
 */
class CpuFeaturesTest {

    static final String X86_WITH_AES = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        model name\t: AMD EPYC 7B13
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep sse sse2 ht syscall nx pni pclmulqdq \
        ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes xsave avx f16c avx2 avx512f vaes

        processor\t: 1
        model name\t: AMD EPYC 7B13
        flags\t\t: fpu
        """;

    static final String X86_WITHOUT_AES = """
        processor\t: 0
        model name\t: Intel(R) Core(TM)2 CPU 6600 @ 2.40GHz
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov sse sse2 ht pni ssse3 cx16
        """;

    static final String ARM64_WITH_AES = """
        processor\t: 0
        BogoMIPS\t: 50.00
        Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm
        CPU implementer\t: 0x41
        CPU architecture: 8
        CPU variant\t: 0x3
        CPU part\t: 0xd0c
        """;

    @Test
    void x86CpuinfoWithAesReportsEveryRelevantFlagAndTheModel() {
        CpuFeatures f = CpuFeatures.fromCpuinfo(X86_WITH_AES, "amd64");
        assertEquals(Support.YES, f.flag("aes"));
        assertEquals(Support.YES, f.flag("sse4_1"));
        assertEquals(Support.YES, f.flag("vaes"));
        assertEquals("AMD EPYC 7B13", f.cpuModel());
        assertEquals("aes ssse3 sse4_1 avx2 avx512f vaes pclmulqdq", f.presentFlagsLine());
        assertTrue(f.isX86());
    }

    @Test
    void onlyTheFirstProcessorBlockIsRead() {
        CpuFeatures f = CpuFeatures.fromCpuinfo(X86_WITH_AES, "amd64");
        assertTrue(f.allCpuinfoFlags().contains("avx2"),
            "the second block's short flags line must not replace the first");
    }

    @Test
    void x86CpuinfoWithoutAesSaysNoNotUnknown() {
        CpuFeatures f = CpuFeatures.fromCpuinfo(X86_WITHOUT_AES, "amd64");
        assertEquals(Support.NO, f.flag("aes"));
        assertEquals(Support.YES, f.flag("ssse3"));
        assertEquals(Support.NO, f.flag("sse4_1"));
        assertEquals("ssse3", f.presentFlagsLine());
    }

    @Test
    void arm64FeaturesLineIsReadAndModelFallsBackToImplementerAndPart() {
        CpuInfo info = CpuInfo.parse(ARM64_WITH_AES);
        assertTrue(info.arm());
        CpuFeatures f = CpuFeatures.fromCpuinfo(ARM64_WITH_AES, "aarch64");
        assertEquals(Support.YES, f.flag("aes"));
        assertEquals(Support.NO, f.flag("ssse3"));
        assertEquals("implementer 0x41 part 0xd0c", f.cpuModel());
        assertTrue(f.isArm64());
        assertFalse(f.isX86());
    }

    @Test
    void missingCpuinfoMakesEveryFlagUnknown() {
        CpuFeatures f = CpuFeatures.builder().noCpuinfo("/proc/cpuinfo absent").osArch("amd64").build();
        for (String flag : CpuFeatures.RELEVANT_FLAGS) {
            assertEquals(Support.UNKNOWN, f.flag(flag), flag);
        }
        assertEquals("unknown", f.presentFlagsLine());
        assertEquals("unknown", f.cpuModel());
        assertTrue(f.flagSource("aes").contains("/proc/cpuinfo absent"));
        assertTrue(f.vectorBitSize().isEmpty());
        assertEquals("unknown", f.jvmOptions().get("UseAES"));
    }

    @Test
    void withoutCpuinfoTheJvmsUseAesTrueProvesAes() {
        CpuFeatures f = CpuFeatures.builder().noCpuinfo("/proc/cpuinfo absent")
            .jvmOption("UseAES", "true").jvmOption("UseSSE", "4").jvmOption("UseAVX", "2").build();
        assertEquals(Support.YES, f.flag("aes"));
        assertEquals(Support.YES, f.flag("sse4_1"));
        assertEquals(Support.YES, f.flag("avx2"));
        assertEquals(Support.UNKNOWN, f.flag("avx512f"), "UseAVX=2 proves nothing about AVX-512");
        assertTrue(f.flagSource("aes").contains("JVM UseAES=true"));
    }

    @Test
    void aJvmOptionSetToFalseProvesNothing() {
        CpuFeatures f = CpuFeatures.builder().noCpuinfo("absent").jvmOption("UseAES", "false").build();
        assertEquals(Support.UNKNOWN, f.flag("aes"));
    }

    @Test
    void cpuinfoWinsOverTheJvmView() {
        CpuFeatures f = CpuFeatures.builder().cpuFlags("sse2 ssse3", "old").jvmOption("UseAES", "true").build();
        assertEquals(Support.NO, f.flag("aes"));
    }

    @Test
    void emptyOrGarbageCpuinfoTextNeverFails() {
        assertEquals(Support.UNKNOWN, CpuFeatures.fromCpuinfo("", "amd64").flag("aes"));
        assertEquals(Support.UNKNOWN, CpuFeatures.fromCpuinfo("\u0000garbage\n::\n", "amd64").flag("aes"));
    }

    @Test
    void detectOnThisMachineNeverFailsAndFillsEveryPart() {
        CpuFeatures f = CpuFeatures.detect();
        assertNotNull(f.osName());
        assertEquals(CpuFeatures.RELEVANT_FLAGS.size(), f.relevantFlags().size());
        assertEquals(CpuFeatures.JVM_OPTIONS.size(), f.jvmOptions().size());
        assertTrue(f.vectorBitSize().isPresent(), "tests run with --add-modules=jdk.incubator.vector");
        assertFalse(f.jvmOptions().get("UseAES").isEmpty());
    }
}
