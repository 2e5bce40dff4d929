package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hmaplab.harness.bench.HasherChoice;
import org.junit.jupiter.api.Test;

/**
 * Every profile's matrix, cell by cell, is the one recorded in {@code profile-cells.txt.gz}
 * (gzip: the full profile has 74K cells): the list
 * was written by the code before profiles became named data, so a refactoring of how profiles are
 * declared cannot change what a run measures. Each line is {@code profile kind target ops id}.
 *
 * <p>AES backend hashers ({@code hasher=aes-...}) depend on the CPU; lines naming a backend that
 * is not available on both the recording machine and this one are left out of the comparison.
 * Set {@code -Dprofile.cells.write=PATH} to write the current list (only when a change of the
 * matrix is intended).
 */
class ProfileCellsUnchangedTest {

    private static final String RESOURCE = "profile-cells.txt.gz";
    private static final String DEFAULT_HASHER = "fnv1a";
    private static final Pattern AES_BACKEND = Pattern.compile("hasher=(aes-[a-z0-9-]+)");

    static List<String> currentLines() {
        List<String> out = new ArrayList<>();
        for (Profile p : Profile.values()) {
            for (Cell c : MatrixBuilder.cells(MatrixBuilder.spec(p, DEFAULT_HASHER), p)) {
                out.add(p.label() + "\t" + c.kind() + "\t" + c.target() + "\t" + c.opsPerInvocation() + "\t" + c.id());
            }
        }
        return out;
    }

    private static List<String> recordedLines() throws IOException {
        try (InputStream raw = ProfileCellsUnchangedTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(raw, RESOURCE + " is missing");
            try (InputStream in = new GZIPInputStream(raw)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        }
    }

    private static Set<String> backendsIn(List<String> lines) {
        Set<String> out = new HashSet<>();
        for (String l : lines) {
            Matcher m = AES_BACKEND.matcher(l);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> keepBackends(List<String> lines, Set<String> allowed) {
        Predicate<String> keep = l -> {
            Matcher m = AES_BACKEND.matcher(l);
            return !m.find() || allowed.contains(m.group(1));
        };
        return lines.stream().filter(keep).toList();
    }

    @Test
    void everyProfileHasExactlyTheRecordedCells() throws IOException {
        List<String> current = currentLines();
        String write = System.getProperty("profile.cells.write");
        if (write != null) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(write)))) {
                out.write((String.join("\n", current) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> recorded = recordedLines();
        Set<String> both = backendsIn(recorded);
        both.retainAll(Set.copyOf(HasherChoice.availableAesBackends()));
        assertEquals(String.join("\n", keepBackends(recorded, both)), String.join("\n", keepBackends(current, both)));
    }
}
