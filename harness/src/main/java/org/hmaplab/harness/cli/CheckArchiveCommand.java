package org.hmaplab.harness.cli;


import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hmaplab.harness.archive.ArchiveCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench check-archive RUN_DIR}: exit 0 when the archive is complete and well-formed, 2 naming the
 * first problem.
 */
@Command(name = "check-archive", mixinStandardHelpOptions = true,
    description = {"Validates a bench run archive: files present, metadata keys, CSV headers and rows, the JSON, "
        + "counts.", "Exit 0 if fine, 2 with the first problem named otherwise."})
public final class CheckArchiveCommand implements Callable<Integer> {

    /** Exit code of an archive with a problem. */
    static final int PROBLEM = 2;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (results/<run id>)")
    Path dir;

    @Override
    public Integer call() {
        try {
            ArchiveCheck.Counts c = ArchiveCheck.verify(dir);
            spec.commandLine().getOut().println("ok: " + dir + " (" + c.results() + " JMH results, " + c.latency()
                + " latency rows, "
                + c.memory() + " memory rows)");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ArchiveCheck.Problem p) {
            spec.commandLine().getErr().println("check-archive: " + dir + ": " + p.getMessage());
            spec.commandLine().getErr().flush();
            return PROBLEM;
        }
    }
}
