package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hmaplab.harness.archive.CsvFiles;
import org.hmaplab.harness.cli.StabilityCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hbench stability} over bench archives whose forks are planted: the smoke run's two get-hit
 * cells (go-swar/aes and fastutil at 1K long keys) with invented per-fork times.
 */
class StabilityCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int stability(Path... args) {
        CommandLine cl = new CommandLine(new StabilityCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> a = new ArrayList<>(Stream.of(args).map(Path::toString).toList());
        a.add("--results");
        a.add(tmp.resolve("studies").toString());
        return cl.execute(a.toArray(String[]::new));
    }

    /** A bench archive whose go-swar forks take {@code ours} ns and fastutil's {@code peer} ns per get. */
    private Path run(String name, double[] ours, double[] peer) throws IOException {
        ArrayNode jmh = TestArchives.slice(0, 2);
        plant((ObjectNode) jmh.get(0), ours);
        plant((ObjectNode) jmh.get(1), peer);
        Path scratch = Files.createDirectories(tmp.resolve("scratch-" + name));
        return TestArchives.archive(tmp.resolve("runs-" + name), scratch, jmh, "goals", "1/1");
    }

    /** Each fork of two timed iterations {@code t - 0.1} and {@code t + 0.1}. */
    private static void plant(ObjectNode result, double[] forkMeans) {
        ObjectNode metric = (ObjectNode) result.get("primaryMetric");
        ArrayNode raw = metric.putArray("rawData");
        double sum = 0;
        for (double t : forkMeans) {
            raw.addArray().add(t - 0.1).add(t + 0.1);
            sum += t;
        }
        metric.put("score", sum / forkMeans.length);
        metric.put("scoreError", 0.1);
    }

    private List<List<String>> comparisons() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("studies"))) {
            Path dir = s.filter(p -> p.getFileName().toString().contains(StabilityCommand.KIND)).findFirst()
                .orElseThrow();
            return CsvFiles.read(dir.resolve(StabilityCommand.COMPARISONS_CSV))
                .values(StabilityCommand.COMPARISON_COLUMNS);
        }
    }

    @Test
    void twoRunsThatBothFindOursTwiceAsFastAgreeAndMeetTheGoal() throws IOException {
        Path a = run("a", new double[] {10.0, 10.2, 9.8}, new double[] {20.0, 20.4, 19.6});
        Path b = run("b", new double[] {11.0, 11.2, 10.8}, new double[] {21.0, 21.4, 20.6});
        assertEquals(0, stability(a, b), err.toString());
        assertTrue(out.toString().contains("1 of 1 agree (100.0 %)"), out.toString());
        List<List<String>> rows = comparisons();
        assertEquals(2, rows.size(), rows.toString());
        int verdict = StabilityCommand.COMPARISON_COLUMNS.indexOf("verdict");
        int impl = StabilityCommand.COMPARISON_COLUMNS.indexOf("impl");
        for (List<String> r : rows) {
            assertEquals("go-swar", r.get(impl));
            assertEquals("faster", r.get(verdict));
        }
    }

    @Test
    void fasterInOneRunAndSlowerInTheOtherIsAContradictionAndExitsOne() throws IOException {
        Path a = run("a", new double[] {10.0, 10.2, 9.8}, new double[] {20.0, 20.4, 19.6});
        Path b = run("b", new double[] {30.0, 30.2, 29.8}, new double[] {20.0, 20.4, 19.6});
        assertEquals(StabilityCommand.GOAL_NOT_MET, stability(a, b), err.toString());
        assertTrue(out.toString().contains("1 contradict"), out.toString());
        int agreement = StabilityCommand.COMPARISON_COLUMNS.indexOf("agreement");
        assertTrue(comparisons().stream().allMatch(r -> r.get(agreement).equals("contradict")));
    }

    @Test
    void aWildForkLeavesThatRunUndecidedWhichIsConsistentButNotAgreement() throws IOException {
        Path a = run("a", new double[] {10.0, 10.2, 9.8}, new double[] {20.0, 20.4, 19.6});
        Path b = run("b", new double[] {10.0, 10.2, 40.0}, new double[] {20.0, 20.4, 19.6});
        assertEquals(StabilityCommand.GOAL_NOT_MET, stability(a, b), err.toString());
        assertTrue(out.toString().contains("0 of 1 agree (0.0 %), 1 consistent"), out.toString());
        assertTrue(out.toString().contains("strict goal missed, lenient goal met"), out.toString());
    }

    @Test
    void aFolderThatIsNoArchiveIsRefusedWithOneLineAndNothingArchived() throws IOException {
        Path a = run("a", new double[] {10.0, 10.2, 9.8}, new double[] {20.0, 20.4, 19.6});
        Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
        assertEquals(StabilityCommand.NOT_AN_ARCHIVE, stability(a, empty));
        assertEquals(1, err.toString().strip().split("\n").length, err.toString());
        assertTrue(err.toString().startsWith("stability: " + empty + ": "), err.toString());
        assertTrue(!Files.exists(tmp.resolve("studies")), "nothing may be archived");
    }
}
