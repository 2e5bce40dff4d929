package org.hmaplab.hash.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hmaplab.hash.cpu.CpuFeatures;
import org.junit.jupiter.api.Test;

/**
 * The registry ({@code org.hmaplab.hash.Hashers}) depends on selection for its default hasher, so
 * selection must not depend on the registry: no source file of this package names it or the
 * {@code Hasher} interface; it knows hashers by name only.
 */
class SelectionDependsNotOnRegistryTest {

    private static final Path PACKAGE_SOURCES = Path.of("src/main/java/org/hmaplab/hash/select");

    @Test
    void noSourceOfTheSelectionPackageImportsTheRegistryOrTheHasherInterface() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(PACKAGE_SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no sources found under " + PACKAGE_SOURCES.toAbsolutePath());
        for (Path source : sources) {
            List<String> offending = Files.readAllLines(source).stream()
                .filter(line -> line.matches("\\s*import\\s+org\\.hmaplab\\.hash\\.(Hashers|Hasher)\\s*;.*"))
                .toList();
            assertEquals(List.of(), offending, source.getFileName() + " imports the registry");
        }
    }

    @Test
    void anOverrideIsCheckedAgainstTheNamesTheCallerPasses() {
        CpuFeatures noAes = CpuFeatures.builder().osArch("amd64").cpuFlags("sse2", "test cpu").vectorBits(0).build();
        assertEquals("my-hasher", HasherSelection.select(noAes, "card", "my-hasher", List.of("my-hasher"))
            .hasherName());
    }
}
