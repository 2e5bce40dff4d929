package org.hmaplab.harness.cli;

import org.hmaplab.harness.archive.RunMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The hbench command line. Each subcommand is a class of its own in this package; adding one is
 * one entry in {@code subcommands} below.
 *
 * <p>Exit status: 0 on success; 2 for a usage error (unknown hasher or policy, malformed hex,
 * bad seed, a missing or extra argument), reported as one line on stderr that says what was
 * wrong and what is allowed; 1 for a failure while running (with its stack trace, as that is a
 * bug or an environment problem to report). See {@link CliErrors}.
 */
@Command(name = "hbench", mixinStandardHelpOptions = true, versionProvider = Hbench.Version.class,
    description = "hmap-testbed: the Go map, hashers and peers, benchmarked and archived.",
    subcommands = {
        HashersCommand.class,
        CpuCommand.class,
        HashCommand.class,
        QualityCommand.class,
        RunCommand.class,
        MergeCommand.class,
        CheckArchiveCommand.class,
        GoalsCommand.class,
        ReportCommand.class,
        CompareCommand.class,
        StudyCommand.class,
        StabilityCommand.class,
        DuetCommand.class,
    })
public final class Hbench implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; choose one of: "
            + String.join(", ", spec.subcommands().keySet()) + " (see 'hbench --help')");
    }

    /** The command line with hbench's error handling; tests run it in-process through this. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hbench());
        cl.setParameterExceptionHandler(CliErrors::onParameterException);
        cl.setExecutionExceptionHandler(CliErrors::onExecutionException);
        return cl;
    }

    /** {@code hbench --version}: the project, the git commit of the project root, the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "hbench (hmap-testbed) at git commit " + RunMetadata.gitCommit(),
                "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }

    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (ExceptionInInitializerError e) {
            // a registry refused an extension on the class path (a name taken, a bad name): bad input
            if (!(e.getCause() instanceof IllegalArgumentException bad)) {
                throw e;
            }
            System.err.println("hbench: " + CliErrors.oneLine(bad.getMessage()));
            status = CliErrors.USAGE;
        }
        System.exit(status);
    }
}
