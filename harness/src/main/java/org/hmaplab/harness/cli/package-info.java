/**
 * The {@code hbench} command line, one picocli command per class.
 *
 * <p>{@link org.hmaplab.harness.cli.Hbench} is the entry point and lists the subcommands. A
 * command parses and checks its options, calls the package that does the work (run, archive,
 * compare, report, study, stats, nativego) and prints; it holds no logic of its own beyond that.
 * Every command reports bad input the same way ({@link org.hmaplab.harness.cli.CliErrors}): one line
 * on stderr naming what was wrong and what is allowed, exit status 2, nothing half-written; a
 * damaged archive is one line naming the run, the file and the line. Every option is described in
 * {@code docs/command-line.md}.
 */
package org.hmaplab.harness.cli;
