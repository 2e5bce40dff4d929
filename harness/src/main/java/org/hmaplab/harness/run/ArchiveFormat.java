package org.hmaplab.harness.run;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;

/**
 * The files of a {@code bench} run archive and the columns of its CSVs. Columns only ever grow
 * (new ones at the end); readers look columns up by name. "Not applicable" cells are empty.
 */
public final class ArchiveFormat {
    private ArchiveFormat() {
    }

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
