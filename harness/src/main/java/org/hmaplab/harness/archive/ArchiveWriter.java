package org.hmaplab.harness.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the data files of a bench archive ({@link ArchiveFormat#JMH_JSON} and the three CSVs with
 * their {@link ArchiveFormat} columns) into a run folder that {@link RunArchive} manages. The one
 * place {@code hbench run} and {@code hbench merge} write them, so both write the same format.
 */
public final class ArchiveWriter {
    private ArchiveWriter() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes jmh-result.json, results.csv, latency.csv and memory.csv into {@code dir}. */
    public static void writeDataFiles(Path dir, JsonNode jmh, List<List<String>> resultRows,
                                      List<List<String>> latency, List<List<String>> memory) {
        try {
            JSON.writeValue(dir.resolve(ArchiveFormat.JMH_JSON).toFile(), jmh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ArchiveFormat.JMH_JSON + ": " + e.getMessage(), e);
        }
        CsvFiles.write(dir.resolve(ArchiveFormat.RESULTS_CSV), ArchiveFormat.RESULTS_COLUMNS, resultRows);
        CsvFiles.write(dir.resolve(ArchiveFormat.LATENCY_CSV), ArchiveFormat.LATENCY_COLUMNS, latency);
        CsvFiles.write(dir.resolve(ArchiveFormat.MEMORY_CSV), ArchiveFormat.MEMORY_COLUMNS, memory);
    }
}
