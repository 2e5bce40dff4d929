package org.hmaplab.harness.cli;


import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hmaplab.harness.archive.ArchiveMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hbench merge RESULTS_DIR RUN_DIR...}: joins shard archives into one new archive under RESULTS_DIR. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Joins shard archives (hbench run --shard I/N) into one archive under RESULTS_DIR.",
        "Refuses folders that are not valid archives, shards whose environment or settings differ, "
            + "and a shard given twice."})
public final class MergeCommand implements Callable<Integer> {

    /** Exit code when the merge is refused. */
    static final int REFUSED = 2;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "results root that receives the merged archive")
    Path out;

    @Parameters(index = "1..*", arity = "2..*", paramLabel = "RUN_DIR", description = "shard archives to join")
    List<Path> runs;

    @Override
    public Integer call() {
        try {
            Path merged = ArchiveMerge.merge(out, runs);
            System.out.println("merged " + runs.size() + " shards into " + merged);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("merge: " + e.getMessage());
            return REFUSED;
        }
    }
}
