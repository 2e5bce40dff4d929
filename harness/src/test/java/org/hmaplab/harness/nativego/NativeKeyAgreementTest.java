package org.hmaplab.harness.nativego;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hmaplab.harness.bench.Distribution;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.bench.KeySets;
import org.hmaplab.harness.bench.ProbePlan;
import org.hmaplab.harness.bench.UpdateBench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Go program reads the very keys, probes and write flags the JMH cells use: its dump of
 * what it read equals the Java generators' output, and the hits it counts in a filled Go map equal
 * what ProbePlan's specification says (exactly round(count * hit% / 100) of the probes hit).
 */
class NativeKeyAgreementTest {
    private static final int DUMPED = 4000;
    private static Path binary;

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() {
        GoToolchain t = RealGo.toolchain();
        binary = new NativeBenchBuild(dir.resolve("build")).binary(t, "");
    }

    private static List<String> run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @ParameterizedTest
    @CsvSource({"long-random, 1024, uniform, 100", "long-random, 3000, zipf, 50", "long-seq, 1024, uniform, 0",
        "long-strided, 2048, uniform, 100", "string-8, 1024, uniform, 100", "string-16, 1500, zipf, 90",
        "string-64, 512, uniform, 0"})
    void theGoProgramReadsTheKeysProbesAndWriteFlagsOfTheJavaCells(String kindLabel, int size, String dist, int hit)
        throws Exception {
        KeyKind kind = KeyKind.of(kindLabel);
        Path input = NativeInput.write(dir, kind, size, Distribution.of(dist), hit);
        List<String> dump = run("-input", input.toString(), "-dump", Integer.toString(DUMPED));
        int keys = Math.min(DUMPED, 2 * size);
        List<String> expected = new ArrayList<>();
        if (kind.family() == KeyKind.Family.LONG) {
            long[] k = KeySets.longs(kind, 2 * size);
            for (int i = 0; i < keys; i++) {
                expected.add("key " + i + " " + k[i]);
            }
        } else {
            String[] k = KeySets.strings(kind.length(), 2 * size);
            for (int i = 0; i < keys; i++) {
                expected.add("key " + i + " " + k[i]);
            }
        }
        int count = ProbePlan.probeCount(size);
        int[] probes = ProbePlan.indexes(size, count, Distribution.of(dist), hit);
        boolean[] writes = UpdateBench.writeMask(count);
        for (int i = 0; i < Math.min(DUMPED, count); i++) {
            expected.add("probe " + i + " " + probes[i] + " " + (writes[i] ? 1 : 0));
        }
        assertEquals(expected, dump);
    }

    @ParameterizedTest
    @CsvSource({"long-random, 4096, 50", "long-random, 1024, 0", "string-16, 2048, 90"})
    void aFilledGoMapFindsExactlyThePlannedHits(String kindLabel, int size, int hit) throws Exception {
        Path input = NativeInput.write(dir, KeyKind.of(kindLabel), size, Distribution.UNIFORM, hit);
        List<String> out = run("-input", input.toString(), "-op", "get", "-warmup", "0", "-iterations", "1",
            "-time", "20ms");
        NativeBenchOutput o = NativeBenchOutput.parse(String.join("\n", out));
        int count = ProbePlan.probeCount(size);
        assertEquals(Math.round(count * hit / 100.0), o.hits());
        assertEquals(count, o.probes());
    }

    @Test
    void aDamagedInputIsOneLineAndExitStatusTwo() throws Exception {
        Path input = NativeInput.write(dir, KeyKind.LONG_RANDOM, 1024, Distribution.UNIFORM, 100);
        byte[] all = java.nio.file.Files.readAllBytes(input);
        Path cut = dir.resolve("cut.bin");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        Process p = new ProcessBuilder(binary.toString(), "-input", cut.toString(), "-op", "get")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        assertEquals(2, p.exitValue(), out);
        assertEquals(1, out.strip().lines().count(), out);
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("truncated"), out);
    }
}
