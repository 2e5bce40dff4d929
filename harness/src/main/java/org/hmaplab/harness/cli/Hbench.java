package org.hmaplab.harness.cli;

import org.hmaplab.harness.compare.CompareCommand;
import org.hmaplab.harness.report.ReportCommand;
import org.hmaplab.harness.study.StudyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The hbench command line. Each subcommand is a class of its own in this package, listed in
 * {@code subcommands} below. (Skeleton: the CLI helper fills in the subcommands.)
 */
@Command(name = "hbench", mixinStandardHelpOptions = true,
    description = "hmap-testbed: the Go map, hashers and peers, benchmarked and archived.",
    subcommands = {ReportCommand.class, CompareCommand.class, StudyCommand.class})
public final class Hbench implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hbench()).execute(args));
    }
}
