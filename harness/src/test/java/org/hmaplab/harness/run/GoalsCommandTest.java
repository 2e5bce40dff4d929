package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hmaplab.harness.cli.GoalsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** hbench goals over the real smoke-run archive of {@link TestArchives} and over folders that are no archive. */
class GoalsCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int goals(Path dir) {
        CommandLine cl = new CommandLine(new GoalsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(dir.toString());
    }

    private String line(String goal) {
        return Arrays.stream(out.toString().split("\n")).filter(l -> l.startsWith("| " + goal + " |")).findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + goal + " in:\n" + out));
    }

    @Test
    void theSmokeArchiveIsJudgedWithTheIssuesThresholds() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Path run = TestArchives.archive(tmp.resolve("results"), scratch, TestArchives.sampleJson(), "smoke", "1/1");
        assertEquals(0, goals(run), err.toString());
        assertTrue(out.toString().startsWith("## Performance goals\n"), out.toString());
        // the smoke run: go-swar/aes 31.46 ns against fastutil 6.68 ns per 1K get-hit; 138.49 against 22.10 ns per
        // insert; 37.54 against 32.13 bytes per entry at 1K
        String hit = line("get-hit long-random 1024");
        assertTrue(hit.contains("go-swar/aes") && hit.contains("0.21x") && hit.endsWith("| missed |"), hit);
        String put = line("put-growth long-random 1024");
        // two timed iterations of one fork cannot bound the ratio: undecided, however far the estimate is
        assertTrue(put.contains("0.16x") && put.contains("2+2 iterations of 1 fork") && put.endsWith("| undecided |"),
            put);
        String memory = line("bytes per entry, mean over the sizes measured for every implementation");
        assertTrue(memory.contains("37.54 vs 32.13") && memory.endsWith("| missed |"), memory);
        // 0.00107 B per 31.46 ns get: 0.0341 MB/s, JMH's own bookkeeping
        String alloc = line("allocation in steady state (get, update, churn)");
        assertTrue(alloc.contains("0.0341 MB/s (0.0011 B/op at 31.5 ns/op)") && alloc.endsWith("| met |"), alloc);
        // the smoke profile has no 4M cell
        assertTrue(line("get-miss long-random 4194304").endsWith("| not measured |"), out.toString());
    }

    @Test
    void aFolderThatIsNoCompleteArchiveIsRefusedNamingWhatIsMissing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        assertEquals(GoalsCommand.NOT_AN_ARCHIVE, goals(empty));
        assertTrue(err.toString().startsWith("goals: " + empty + ": "), err.toString());
        assertTrue(err.toString().contains("a complete bench archive is needed"), err.toString());
        assertEquals("", out.toString());
    }
}
