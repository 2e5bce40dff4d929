package org.hmaplab.harness.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted process (SIGTERM, as Ctrl-C's SIGINT, runs the shutdown hooks) leaves no archive. */
class RunArchiveInterruptTest {

    @Test
    void anInterruptedRunRemovesItsTemporaryFolderAndSaysSo(@TempDir Path results) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path errFile = Files.createTempFile("probe", ".err");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            InterruptProbe.class.getName(), results.toString()).redirectError(errFile.toFile()).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String tmp = r.readLine();
        assertTrue(tmp != null && Files.isDirectory(Path.of(tmp)), "probe should have created its folder: " + tmp
            + "; stderr: " + Files.readString(errFile));
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "probe did not stop");
        String err = Files.readString(errFile);
        Files.delete(errFile);
        assertFalse(Files.exists(Path.of(tmp)), "temporary folder left behind");
        try (Stream<Path> left = Files.list(results)) {
            assertEquals(0, left.count());
        }
        assertTrue(err.contains("hbench: interrupted; the partial archive " + tmp
            + " was removed, nothing was archived"), err);
    }
}
