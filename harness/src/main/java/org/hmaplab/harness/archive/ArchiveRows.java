package org.hmaplab.harness.archive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed rows {@link ArchiveReader} returns. Each row keeps its 1-based line in the file (for
 * error messages) and every cell by column name (columns only grow, so a newer column is still
 * reachable by {@link #get}); the accessors name the documented columns of docs/archive-format.md.
 */
public final class ArchiveRows {
    private ArchiveRows() {
    }

    /** A cell as a double: NaN when empty or {@code NaN}. Rows are checked when read, so no parse fails. */
    static double number(Map<String, String> columns, String column) {
        String v = columns.getOrDefault(column, "").trim();
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /**
     * One row of results.csv.
     *
     * @param line       1-based line in results.csv
     * @param columns    every cell by column name, in header order
     * @param forkScores the mean score of each fork of this result ({@code primaryMetric.rawData} of the
     *                   matching jmh-result.json element); empty when the archive has no JSON
     */
    public record Result(int line, Map<String, String> columns, List<Double> forkScores) {
        public Result {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            forkScores = List.copyOf(forkScores);
        }

        /** A cell by column name, "" when the archive has no such column. */
        public String get(String column) {
            return columns.getOrDefault(column, "");
        }

        public String benchmark() {
            return get(ArchiveFormat.Results.BENCHMARK);
        }

        public String operation() {
            return get(ArchiveFormat.Results.OPERATION);
        }

        public String impl() {
            return get(ArchiveFormat.Results.IMPL);
        }

        public String hasher() {
            return get(ArchiveFormat.Results.HASHER);
        }

        public String mode() {
            return get(ArchiveFormat.Results.MODE);
        }

        public String unit() {
            return get(ArchiveFormat.Results.UNIT);
        }

        public double score() {
            return number(columns, ArchiveFormat.Results.SCORE);
        }

        public double error() {
            return number(columns, ArchiveFormat.Results.ERROR);
        }
    }

    /** One row of latency.csv ({@code line} 1-based). */
    public record Latency(int line, Map<String, String> columns) {
        public Latency {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        /** A cell by column name, "" when the archive has no such column. */
        public String get(String column) {
            return columns.getOrDefault(column, "");
        }

        /** A numeric cell, NaN when empty. */
        public double number(String column) {
            return ArchiveRows.number(columns, column);
        }
    }

    /** One row of memory.csv ({@code line} 1-based). */
    public record Memory(int line, Map<String, String> columns) {
        public Memory {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        /** A cell by column name, "" when the archive has no such column. */
        public String get(String column) {
            return columns.getOrDefault(column, "");
        }

        /** A numeric cell, NaN when empty. */
        public double number(String column) {
            return ArchiveRows.number(columns, column);
        }
    }
}
