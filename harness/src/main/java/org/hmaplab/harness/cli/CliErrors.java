package org.hmaplab.harness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * hbench's error reporting. A usage error (picocli's ParameterException, or an
 * IllegalArgumentException thrown by a command: unknown names, malformed input) prints exactly
 * one line on stderr, {@code hbench <command>: <what was wrong and what is allowed>}, and exits
 * with {@value #USAGE}; no stack trace. Anything else is a failure: one line, then the stack trace,
 * exit {@value #FAILURE}.
 */
final class CliErrors {

    /** Exit status of a usage error. */
    static final int USAGE = 2;
    /** Exit status of a failure while running. */
    static final int FAILURE = 1;

    private CliErrors() {
    }

    static int onParameterException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String msg = oneLine(ex.getMessage());
        if (msg.startsWith("Error: ")) {
            msg = msg.substring("Error: ".length());
        }
        if (msg.startsWith("Unmatched argument") || msg.startsWith("Unknown option")) {
            msg += "; see '" + name + " --help'";
        }
        cmd.getErr().println(name + ": " + msg);
        cmd.getErr().flush();
        return USAGE;
    }

    static int onExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        if (ex instanceof IllegalArgumentException) {
            err.println(name + ": " + oneLine(ex.getMessage()));
            err.flush();
            return USAGE;
        }
        err.println(name + ": failed: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return FAILURE;
    }

    static String oneLine(String s) {
        return s == null ? "error" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
