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

        /** {@code key_kind}, e.g. {@code long-random}. */
        public String keyKind() {
            return get(ArchiveFormat.Results.KEY_KIND);
        }

        /** {@code size} (entries) as written; empty for hasher rows. */
        public String size() {
            return get(ArchiveFormat.Results.SIZE);
        }

        /** {@code distribution} (uniform or zipf); empty where it does not apply. */
        public String distribution() {
            return get(ArchiveFormat.Results.DISTRIBUTION);
        }

        /** {@code alloc_bytes_per_op} as written (empty without the gc profiler). */
        public String allocBytesPerOp() {
            return get(ArchiveFormat.Results.ALLOC_BYTES_PER_OP);
        }

        /** {@code params}: every JMH parameter as {@code k=v;...}. */
        public String params() {
            return get(ArchiveFormat.Results.PARAMS);
        }

        /** {@code input_bytes} as written (hasher rows; empty for the others). */
        public String inputBytes() {
            return get(ArchiveFormat.Results.INPUT_BYTES);
        }

        /** {@code bytes_per_ns} as written (hasher rows; empty for the others). */
        public String bytesPerNs() {
            return get(ArchiveFormat.Results.BYTES_PER_NS);
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

        /** {@code impl} ({@code timer} for the timer's own cost). */
        public String impl() {
            return get(ArchiveFormat.Latency.IMPL);
        }

        /** {@code hasher}. */
        public String hasher() {
            return get(ArchiveFormat.Latency.HASHER);
        }

        /** {@code key_kind}. */
        public String keyKind() {
            return get(ArchiveFormat.Latency.KEY_KIND);
        }

        /** {@code size} (entries) as written. */
        public String size() {
            return get(ArchiveFormat.Latency.SIZE);
        }

        /** {@code gc}, the probe JVM's collector; empty in archives written before the column. */
        public String gc() {
            return get(ArchiveFormat.Latency.GC);
        }

        /** {@code max}: the largest insert of all measured fills, as written. */
        public String max() {
            return get(ArchiveFormat.Latency.MAX);
        }

        /** {@code rounds}: the measured fills; empty in archives written before the column. */
        public String rounds() {
            return get(ArchiveFormat.Latency.ROUNDS);
        }

        /** {@code max_median}: the median of the fills' largest inserts; empty in older archives. */
        public String maxMedian() {
            return get(ArchiveFormat.Latency.MAX_MEDIAN);
        }

        /** {@code unit} (ns). */
        public String unit() {
            return get(ArchiveFormat.Latency.UNIT);
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

        /** {@code impl}. */
        public String impl() {
            return get(ArchiveFormat.Memory.IMPL);
        }

        /** {@code hasher}; empty in archives written before the column. */
        public String hasher() {
            return get(ArchiveFormat.Memory.HASHER);
        }

        /** {@code key_kind}. */
        public String keyKind() {
            return get(ArchiveFormat.Memory.KEY_KIND);
        }

        /** {@code size} (entries) as written. */
        public String size() {
            return get(ArchiveFormat.Memory.SIZE);
        }

        /** {@code bytes_total} (JOL graph) as written. */
        public String bytesTotal() {
            return get(ArchiveFormat.Memory.BYTES_TOTAL);
        }

        /** {@code bytes_per_entry} as written. */
        public String bytesPerEntry() {
            return get(ArchiveFormat.Memory.BYTES_PER_ENTRY);
        }

        /** {@code jol_mode} (agent or model). */
        public String jolMode() {
            return get(ArchiveFormat.Memory.JOL_MODE);
        }
    }
}
