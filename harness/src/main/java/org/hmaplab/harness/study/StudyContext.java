package org.hmaplab.harness.study;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a study runs with.
 *
 * @param dir      the folder to write CSV files into (the archive's temporary folder)
 * @param quick    a small, fast version (for a smoke test or a laptop), not the full study
 * @param log      progress lines for the terminal
 * @param metadata entries the study adds to the run's metadata (seeds, sizes)
 */
public record StudyContext(Path dir, boolean quick, PrintWriter log, Map<String, String> metadata) {

    /** A context with an empty, modifiable metadata map. */
    public static StudyContext of(Path dir, boolean quick, PrintWriter log) {
        return new StudyContext(dir, quick, log, new LinkedHashMap<>());
    }
}
