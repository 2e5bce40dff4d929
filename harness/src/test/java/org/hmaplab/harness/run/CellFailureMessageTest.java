package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed cell's message names the exception its JMH output reports, not only JMH's last lines. */
class CellFailureMessageTest {

    @TempDir
    Path dir;

    /** The shape of JMH's output when a benchmark throws: the trace, then pages of other lines. */
    private Path jmhOutput(String exceptionLine) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Benchmark: org.hmaplab.harness.bench.GetBench.get", "",
            "# Run progress: 0.00% complete, ETA 00:00:04", "# Fork: 1 of 1", "<failure>", "", exceptionLine,
            "\tat org.hmaplab.core.swiss.SwissLongLongMap.split(SwissLongLongMap.java:633)",
            "\tat org.hmaplab.harness.bench.MapState.setup(MapState.java:88)"));
        for (int i = 0; i < 20; i++) {
            lines.add("\tat java.base/java.lang.Thread.run(Thread.java:" + (1400 + i) + ")");
        }
        lines.addAll(List.of("", "", "Benchmark had encountered error, and fail on error was requested"));
        Path f = dir.resolve("cell.log");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theExceptionFarAboveTheLastLinesLeadsTheMessage() throws IOException {
        String exception = "java.lang.IllegalStateException: the map would need a directory of 2^31 tables;"
            + " at most 2^30 are supported";
        String msg = CellRunner.lastLines(jmhOutput(exception));
        assertTrue(msg.startsWith("\n--- the exception it reports ---\n" + exception + "\n"), msg);
        assertTrue(msg.endsWith("Benchmark had encountered error, and fail on error was requested"), msg);
    }

    @Test
    void anErrorWithoutAMessageAndACausedByLineAreFoundToo() throws IOException {
        assertTrue(CellRunner.lastLines(jmhOutput("java.lang.OutOfMemoryError"))
            .contains("reports ---\njava.lang.OutOfMemoryError\n"));
        assertTrue(CellRunner.lastLines(jmhOutput("Caused by: java.io.UncheckedIOException: disk full"))
            .contains("reports ---\nCaused by: java.io.UncheckedIOException: disk full\n"));
    }

    @Test
    void outputWithoutAnExceptionGivesOnlyTheLastLines() throws IOException {
        Path f = dir.resolve("plain.log");
        Files.write(f, List.of("Error: Could not create the Java Virtual Machine.", "exit"),
            StandardCharsets.UTF_8);
        String msg = CellRunner.lastLines(f);
        assertFalse(msg.contains("the exception it reports"), msg);
        assertEquals("\n--- last lines of its output ---\nError: Could not create the Java Virtual Machine.\nexit",
            msg);
    }
}
