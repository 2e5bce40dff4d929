package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.cli.StudyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** hbench study: the runner archives a study's files, and unknown names are usage errors. */
class StudyCommandTest {

    @TempDir
    Path tmp;

    /** A study that writes one CSV and a fixed report, to test the runner alone. */
    private static final class TinyStudy implements Study {
        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String summary() {
            return "test double";
        }

        @Override
        public String run(StudyContext ctx) throws java.io.IOException {
            CsvOut.write(ctx.dir().resolve("tiny.csv"), List.of("a", "b"), List.of(List.of(1, ctx.quick())));
            ctx.metadata().put("study_seed", "2a");
            return "# Study: tiny\n";
        }
    }

    @Test
    void runnerArchivesCsvReportAndMetadataOfKindStudyName() throws Exception {
        final Path dir = StudyCommand.run(new TinyStudy(), tmp, true, new PrintWriter(new StringWriter()));
        assertEquals("a,b\r\n1,true\r\n", Files.readString(dir.resolve("tiny.csv")));
        assertEquals("# Study: tiny\n", Files.readString(dir.resolve("report.md")));
        final RunMetadata meta = RunMetadata.read(dir.resolve("metadata.json"));
        assertEquals("study-tiny", meta.get("kind"));
        assertEquals("quick", meta.get("profile"));
        assertEquals("2a", meta.get("study_seed"));
        assertTrue(Files.readString(tmp.resolve("index.csv")).contains("study-tiny"));
    }

    @Test
    void unknownStudyIsAUsageErrorListingTheStudies() {
        final StringWriter err = new StringWriter();
        final CommandLine cl = new CommandLine(new StudyCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("nope", "--results", tmp.toString()));
        assertTrue(err.toString().contains(
            "bucket-layout, collision-rate, go-load-factor, hash-flooding, tophash-filter, growth-cost,"
                + " swiss-tombstones, classic-vs-swiss, memory-sweep"),
            err.toString());
    }
}
