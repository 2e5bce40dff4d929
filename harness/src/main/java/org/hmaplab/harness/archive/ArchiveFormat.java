package org.hmaplab.harness.archive;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.hmaplab.harness.run.InsertLatencyProbe;

/**
 * The files of a {@code bench} run archive and the columns of its CSVs. Columns only ever grow
 * (new ones at the end); readers look columns up by name. "Not applicable" cells are empty.
 */
public final class ArchiveFormat {
    private ArchiveFormat() {
    }

    /**
     * The archive format version, written into metadata.json as {@value #VERSION_KEY} by every bench
     * run and merge. 1: archives written before the key existed (every archive without it);
     * 2: jmh.log may be stored gzip-compressed as {@value #JMH_LOG_GZ}. Readers accept every version
     * up to this one and refuse a newer one, naming both.
     */
    public static final int VERSION = 2;
    /** The metadata key holding {@link #VERSION}. */
    public static final String VERSION_KEY = "archive_format";
    /** The version of an archive whose metadata has no {@value #VERSION_KEY}. */
    public static final int VERSION_BEFORE_KEY = 1;

    /** The run's metadata (see RunMetadata). */
    public static final String METADATA_JSON = RunArchive.METADATA_FILE;

    /** The archive kind of benchmark runs. */
    public static final String KIND = "bench";

    /** JMH's JSON of every JMH cell, concatenated into one array (readable by JMH Visualizer). */
    public static final String JMH_JSON = "jmh-result.json";
    /** One row per JMH result, derived from {@link #JMH_JSON}. */
    public static final String RESULTS_CSV = "results.csv";
    /** Insert-latency percentiles. */
    public static final String LATENCY_CSV = "latency.csv";
    /** Bytes per entry. */
    public static final String MEMORY_CSV = "memory.csv";
    /** The Markdown summary. */
    public static final String SUMMARY_MD = "summary.md";
    /** JMH's console output of every cell, for diagnosis. */
    public static final String JMH_LOG = "jmh.log";
    /** {@link #JMH_LOG} compressed with gzip; an archive holds at most one of the two. */
    public static final String JMH_LOG_GZ = "jmh.log.gz";

    /** Names of the results.csv columns the readers use by name. */
    public static final class Results {
        private Results() {
        }

        public static final String BENCHMARK = "benchmark";
        public static final String OPERATION = "operation";
        public static final String IMPL = "impl";
        public static final String HASHER = "hasher";
        public static final String MODE = "mode";
        public static final String UNIT = "unit";
        public static final String SCORE = "score";
        public static final String ERROR = "error";
        public static final String PARAMS = "params";
        public static final String KEY_KIND = "key_kind";
        public static final String SIZE = "size";
        public static final String DISTRIBUTION = "distribution";
        public static final String HIT_RATIO = "hit_ratio";
        public static final String ALLOC_BYTES_PER_OP = "alloc_bytes_per_op";
        public static final String INPUT_BYTES = "input_bytes";
        public static final String BYTES_PER_NS = "bytes_per_ns";

        /** The columns any results.csv must have to be read (older or foreign ones may lack the rest). */
        public static final List<String> REQUIRED = List.of(BENCHMARK, MODE, UNIT, SCORE, ERROR);
        /** Numeric columns: a number, {@code NaN} or empty in every row. */
        public static final List<String> NUMERIC = List.of(SCORE, ERROR);
    }

    /** Names of the latency.csv columns the readers use by name. */
    public static final class Latency {
        private Latency() {
        }

        public static final String IMPL = "impl";
        public static final String HASHER = "hasher";
        public static final String KEY_KIND = "key_kind";
        public static final String SIZE = "size";
        public static final String GC = "gc";
        public static final String P50 = "p50";
        public static final String P99 = "p99";
        public static final String P999 = "p999";
        public static final String P9999 = "p9999";
        public static final String MAX = "max";
        public static final String UNIT = "unit";
        public static final String ROUNDS = "rounds";
        public static final String MAX_MEDIAN = "max_median";
        public static final String MAX_MIN = "max_min";
    }

    /** Names of the memory.csv columns the readers use by name. */
    public static final class Memory {
        private Memory() {
        }

        public static final String IMPL = "impl";
        public static final String HASHER = "hasher";
        public static final String KEY_KIND = "key_kind";
        public static final String SIZE = "size";
        public static final String BYTES_TOTAL = "bytes_total";
        public static final String BYTES_PER_ENTRY = "bytes_per_entry";
        public static final String JOL_MODE = "jol_mode";
    }

    /** Every file a complete archive holds (plus RunArchive's metadata.json). */
    public static final List<String> FILES = List.of(JMH_JSON, RESULTS_CSV, LATENCY_CSV, MEMORY_CSV, SUMMARY_MD);

    public static final List<String> RESULTS_COLUMNS = List.of(
        "benchmark", "operation", "impl", "hasher", "lookup_style", "key_kind", "size", "distribution", "hit_ratio",
        "mode", "unit", "score", "error", "samples", "alloc_bytes_per_op", "params", "input_bytes", "bytes_per_ns");

    /** The columns every latency.csv starts with (archives written before the {@code gc} column have only these). */
    public static final List<String> LATENCY_REQUIRED_COLUMNS = List.of(
        "impl", "size", "p50", "p99", "p999", "p9999", "max", "count", "unit", "hasher", "key_kind", "lookup_style",
        "mean");

    /**
     * latency.csv's per-fill columns (see {@link InsertLatencyProbe}): {@code rounds} (measured fills),
     * {@code max_median} (the median of the fills' largest inserts, the lower middle one for an even
     * count) and {@code max_min} (the smallest of them), in ns. Archives written before them lack
     * them; rows merged from such archives have them empty.
     */
    public static final List<String> LATENCY_FILL_COLUMNS = List.of("rounds", "max_median", "max_min");

    /**
     * The columns latency.csv is written with: the required ones, the probe JVM's garbage collector
     * and the {@link #LATENCY_FILL_COLUMNS}.
     */
    public static final List<String> LATENCY_COLUMNS = Stream.of(LATENCY_REQUIRED_COLUMNS, List.of("gc"),
        LATENCY_FILL_COLUMNS).flatMap(List::stream).toList();

    /** The latency.csv columns any reader needs. */
    public static final List<String> LATENCY_READ_COLUMNS =
        List.of("impl", "size", "p50", "p99", "p999", "p9999", "max", "count", "unit");

    /** The memory.csv columns any reader needs. */
    public static final List<String> MEMORY_READ_COLUMNS =
        List.of("impl", "key_kind", "size", "bytes_total", "bytes_per_entry", "jol_mode");

    public static final List<String> MEMORY_COLUMNS = List.of(
        "impl", "key_kind", "size", "bytes_total", "bytes_per_entry", "jol_mode", "hasher", "lookup_style");

    /** Metadata keys a bench archive has beyond RunMetadata's standard keys. */
    public static final List<String> METADATA_KEYS = List.of(
        "key_seed", "probe_seed", "go_seed", "fork_jvm_args", "heap", "include", "impls", "hashers", "sizes",
        "shard", "cells_planned", "cells_run", "jmh_results", "latency_rows", "memory_rows", "warmup", "measurement",
        "forks", "perf_counters", "shards");

    /** The CSV dialect of every file: RFC 4180, header row, LF line ends. */
    public static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
}
