package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hmaplab.harness.nativego.GoToolchain;
import org.hmaplab.harness.nativego.GoToolchains;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.junit.jupiter.api.Test;

/** Native-Go implementations in the matrix: which cells they get, with which hashes, and without a toolchain. */
class NativeCellsTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    private static List<Cell> nativeCells(BenchRun.Plan plan) {
        return plan.cells().stream().filter(c -> NativeGoImpl.isNative(c.param("impl"))).toList();
    }

    @Test
    void aNativeImplementationGetsBothGoHashesAndNoProbeCells() {
        BenchRun.Plan plan = BenchRun.plan("goals", null, List.of("go-fast64", "native-go119"), null, null, "1/1");
        List<Cell> nat = nativeCells(plan);
        assertFalse(nat.isEmpty());
        assertEquals(Set.of("aeshash", "fallback"),
            nat.stream().map(c -> c.param("hasher")).collect(Collectors.toSet()));
        assertTrue(nat.stream().allMatch(c -> c.kind() == Cell.Kind.JMH));
        // our map keeps its own hashers only
        assertTrue(plan.cells().stream().filter(c -> "go-fast64".equals(c.param("impl")))
            .noneMatch(c -> Set.of("aeshash", "fallback").contains(c.param("hasher"))));
        // every native cell has a Java twin with the same operation, key kind and size
        Set<String> java = plan.cells().stream().filter(c -> "go-fast64".equals(c.param("impl")))
            .map(c -> c.operation() + c.param("keyKind") + c.param("size")).collect(Collectors.toSet());
        assertTrue(nat.stream().allMatch(c -> java.contains(c.operation() + c.param("keyKind") + c.param("size"))));
    }

    @Test
    void compositeKeysHaveNoNativeCell() {
        BenchRun.Plan plan = BenchRun.plan("nightly", "composite", List.of("go-swar", "native-go127"), null, null,
            "1/1");
        assertTrue(nativeCells(plan).isEmpty());
        assertFalse(plan.cells().isEmpty());
    }

    @Test
    void aNativeHashOnTheCommandLineSelectsItAndLeavesOurMapsTheirDefault() {
        BenchRun.Plan plan = BenchRun.plan("smoke", null, List.of("go-fast64", "native-go127"), List.of("fallback"),
            null, "1/1");
        assertEquals(Set.of("fallback"), nativeCells(plan).stream().map(c -> c.param("hasher"))
            .collect(Collectors.toSet()));
        assertTrue(plan.cells().stream().filter(c -> "go-fast64".equals(c.param("impl")))
            .allMatch(c -> !c.param("hasher").equals("fallback")));
    }

    @Test
    void anUnknownImplementationNamesTheNativeOnesToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BenchRun.plan("smoke", null, List.of("native-go99"), null, null, "1/1"));
        assertTrue(e.getMessage().contains("native-go127"), e.getMessage());
    }

    @Test
    void theNativeGapProfileSetsEveryNativeMapAgainstBothJavaModels() {
        BenchRun.Plan plan = BenchRun.plan("native-gap", null, null, null, null, "1/1");
        Set<String> impls = plan.cells().stream().map(c -> c.param("impl"))
            .filter(i -> i != null && !i.endsWith("-aa")).collect(Collectors.toSet());
        assertEquals(Set.of("go-fast64", "swiss-swar", "native-go119", "native-go124", "native-go124-noswiss",
            "native-go127"), impls);
        assertEquals(Set.of("go", "aes"), plan.cells().stream().filter(c -> "go-fast64".equals(c.param("impl")))
            .map(c -> c.param("hasher")).collect(Collectors.toSet()));
    }

    @Test
    void cellsOfAReleaseWithoutToolchainAreDroppedAndTheOthersKept() throws java.io.IOException {
        BenchRun.Plan plan = BenchRun.plan("smoke", null, List.of("go-fast64", "native-go119", "native-go127"),
            null, null, "1/1");
        Path go = tmp.resolve("go119/bin/go");
        java.nio.file.Files.createDirectories(go.getParent());
        java.nio.file.Files.writeString(go, "#!/bin/sh\necho go1.19.8\n");
        go.toFile().setExecutable(true);
        GoToolchains only119 = GoToolchains.of(Map.of("HMAP_GO_ROOTS", tmp.resolve("go119").toString()),
            tmp.resolve("home"), tmp.resolve("debian"));
        Map<NativeGoImpl, GoToolchain> found = new LinkedHashMap<>();
        BenchRun.Plan kept = BenchRun.withoutMissingToolchains(plan, only119, found);
        assertTrue(kept.cells().stream().noneMatch(c -> "native-go127".equals(c.param("impl"))));
        assertTrue(kept.cells().stream().anyMatch(c -> "native-go119".equals(c.param("impl"))));
        assertEquals(plan.cells().size() - nativeCells(plan).size() / 2, kept.cells().size());
        assertEquals("native-go119=go1.19.8@" + tmp.resolve("go119"), BenchRun.nativeGoMetadata(found));
    }
}
