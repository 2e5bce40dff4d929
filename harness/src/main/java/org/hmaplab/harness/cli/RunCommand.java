package org.hmaplab.harness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hmaplab.harness.run.BenchRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hbench run}: the options of a bench run, handed to {@link BenchRun} as a
 * {@link BenchRun.Request}. Every option is described in {@code docs/command-line.md}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Hbench.Version.class,
    description = {"Runs the benchmark matrix of a profile and archives the results.",
        "Cells run one JMH run (or probe JVM) each; --impl/--hasher/--sizes replace the profile's lists, "
            + "--include keeps cells whose id matches, --shard takes a disjoint slice."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
        description = "smoke | quick | nightly | full | hashers | goals | native-gap (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--include", paramLabel = "REGEX",
        description = "keep only cells whose id (e.g. 'get-hit impl=go-swar hasher=aes keyKind=long-random "
            + "size=1024 distribution=uniform hitRatio=100') contains a match")
    String include;

    @Option(names = "--impl", paramLabel = "NAME", split = ",",
        description = "implementations to run instead of the profile's (go-generic, go-swar-cache, eclipse, ...)")
    List<String> impls;

    @Option(names = "--hasher", paramLabel = "NAME", split = ",",
        description = "hashers for our maps and the hasher-speed cells instead of the profile's")
    List<String> hashers;

    @Option(names = "--sizes", paramLabel = "N", split = ",",
        description = "map sizes (entries) instead of the profile's")
    List<String> sizes;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
        description = "run only slice I of N (cell k goes to slice k mod N + 1); default ${DEFAULT-VALUE}")
    String shard;

    @Option(names = {"--out", "--results"}, paramLabel = "DIR",
        description = "results root (default: the project's results/ folder); --results is the same option, "
            + "named as in stability, duet, study and quality")
    Path out;

    @Option(names = "--perfnorm", description = "ask for JMH's perfnorm profiler (used only if hardware counters work)")
    boolean perfnorm;

    @Option(names = "--dry-run", description = "print the planned cells and the estimate, run nothing")
    boolean dryRun;

    @Option(names = "--rounds", paramLabel = "R",
        description = "run the matrix R times, each round in a fresh seeded random order; a cell's forks of all "
            + "rounds form its sample (default: the profile's, 2 for goals and native-gap, else 1)")
    Integer rounds;

    @Option(names = "--rounds-seed", paramLabel = "N", defaultValue = "0x726f756e6473",
        converter = NumberParsing.Long64.class,
        description = "the seed of the rounds' order, decimal or 0x-hex (recorded in the metadata; default "
            + "${DEFAULT-VALUE})")
    long roundsSeed;

    @Override
    public Integer call() {
        return BenchRun.run(BenchRun.Request.of(profile).include(include).impls(impls).hashers(hashers).sizes(sizes)
            .shard(shard).out(out).perfnorm(perfnorm).dryRun(dryRun).rounds(rounds, roundsSeed));
    }
}
