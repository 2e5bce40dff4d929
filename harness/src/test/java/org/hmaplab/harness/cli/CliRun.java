package org.hmaplab.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs hbench in-process, as main would, with stdout and stderr captured. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Hbench.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
            .execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The one error line; fails when stderr holds anything else (a usage dump, a stack trace). */
    String errorLine() {
        String[] lines = err.strip().split("\n");
        if (lines.length != 1 || lines[0].isEmpty()) {
            throw new AssertionError("expected exactly one error line, got:\n" + err);
        }
        return lines[0];
    }
}
