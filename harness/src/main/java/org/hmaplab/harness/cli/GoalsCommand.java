package org.hmaplab.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.run.Goals;
import org.hmaplab.harness.stats.ForkScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench goals RUN_DIR}: the performance goals ({@link Goals}) judged over an archived
 * bench run with the rules of this build, printed as the Markdown table that {@code summary.md} ends
 * with. A run's {@code summary.md} keeps the verdicts of the build that made it; this command re-judges
 * the same rows when a rule has changed since, and judges a merged archive like any other.
 */
@Command(name = "goals", mixinStandardHelpOptions = true,
    description = {"Judges the performance goals (docs/performance-log.md) over an archived bench run with this "
        + "build's rules and prints the table (Markdown).",
        "Exit 0 when judged, 2 when RUN_DIR is not a complete bench archive."})
public final class GoalsCommand implements Callable<Integer> {

    /** Exit code when RUN_DIR is not a complete, well-formed bench archive. */
    public static final int NOT_AN_ARCHIVE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (results/<run id>)")
    Path dir;

    @Override
    public Integer call() {
        try {
            ArchiveCheck.verify(dir);
        } catch (ArchiveCheck.Problem p) {
            spec.commandLine().getErr().println("goals: " + dir + ": " + p.getMessage()
                + " (a complete bench archive is needed; 'hbench check-archive' says the same)");
            return NOT_AN_ARCHIVE;
        }
        PrintWriter out = spec.commandLine().getOut();
        ArchiveReader.Run run = ArchiveReader.read(dir);
        ForkScores forks = ForkScores.fromJmh(ArchiveReader.jmhJson(dir, run.label()));
        out.print(Goals.markdown(Goals.judge(run.results(), run.latency(), run.memory(), forks)));
        out.flush();
        return 0;
    }
}
