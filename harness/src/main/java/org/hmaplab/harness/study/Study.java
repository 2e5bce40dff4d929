package org.hmaplab.harness.study;

import java.io.IOException;

/**
 * One research study run by {@code hbench study NAME}: it computes or measures something, writes
 * its CSV files into the archive folder it is given and returns its Markdown report section,
 * which the runner saves as {@code report.md}.
 */
public interface Study {

    /** The stable name on the command line and in the archive kind ({@code study-<name>}). */
    String name();

    /** One line saying what the study answers. */
    String summary();

    /**
     * Runs the study.
     *
     * @return the Markdown report section
     */
    String run(StudyContext ctx) throws IOException;
}
