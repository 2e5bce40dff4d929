package org.hmaplab.harness.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.run.ResultsCsv;

/**
 * Validates a bench archive folder: every file present, metadata.json readable with every
 * standard and bench key, kind {@code bench}, an archive format version this hbench reads;
 * jmh-result.json a JSON array of JMH results; at most one of jmh.log and jmh.log.gz, the latter
 * a readable gzip stream;
 * every CSV with the documented columns first (later versions may append), every row the
 * header's length with numbers where numbers belong; latency.csv's per-fill maxima, when its
 * header has them, whole numbers with {@code rounds >= 1} and {@code max_min <= max_median <= max}
 * (or all empty in a row merged from an older archive); results.csv equal to what {@link ResultsCsv}
 * derives from the JSON; row counts equal to the metadata's counts.
 * {@link #check} returns the first problem found, or {@code null} when the archive is fine.
 */
public final class ArchiveCheck {
    private ArchiveCheck() {
    }

    /** A problem found in an archive. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** The first problem of the archive at {@code dir}, or {@code null} if it is complete and well-formed. */
    public static String check(Path dir) {
        try {
            verify(dir);
            return null;
        } catch (Problem p) {
            return p.getMessage();
        }
    }

    /** Counts of a valid archive, for the success message. */
    public record Counts(int results, int latency, int memory) {
    }

    public static Counts verify(Path dir) throws Problem {
        if (!Files.isDirectory(dir)) {
            throw new Problem(dir + " is not a folder");
        }
        if (dir.getFileName() != null && dir.getFileName().toString().startsWith(RunArchive.TMP_PREFIX)) {
            throw new Problem(dir + " is an unfinished run's temporary folder");
        }
        Path metaFile = dir.resolve(RunArchive.METADATA_FILE);
        if (!Files.isRegularFile(metaFile)) {
            throw new Problem("missing " + RunArchive.METADATA_FILE + " (not a run archive?)");
        }
        for (String f : ArchiveFormat.FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new Problem("missing " + f);
            }
        }
        RunMetadata meta;
        try {
            meta = RunMetadata.read(metaFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Problem(e.getMessage());
        }
        for (List<String> keys : List.of(RunMetadata.STANDARD_KEYS, ArchiveFormat.METADATA_KEYS)) {
            for (String k : keys) {
                if (meta.get(k) == null) {
                    throw new Problem(RunArchive.METADATA_FILE + " lacks the key '" + k + "'");
                }
            }
        }
        if (!ArchiveFormat.KIND.equals(meta.get("kind"))) {
            throw new Problem(RunArchive.METADATA_FILE + ": kind is '" + meta.get("kind") + "', expected '"
                + ArchiveFormat.KIND + "'");
        }
        String label = ArchiveReader.label(dir, meta.entries());
        JsonNode jmh;
        try {
            ArchiveReader.version(label, meta.entries());
            jmh = ArchiveReader.jmhJson(dir, label);
            ArchiveReader.jmhLog(dir, label);
        } catch (ArchiveException e) {
            throw new Problem(e.inRun());
        }
        List<List<String>> derived;
        try {
            derived = ResultsCsv.rows(jmh);
        } catch (IllegalArgumentException e) {
            throw new Problem(ArchiveFormat.JMH_JSON + ": " + e.getMessage());
        }
        CsvFiles.Table results = table(dir, ArchiveFormat.RESULTS_CSV, ArchiveFormat.RESULTS_COLUMNS);
        CsvFiles.Table latency = table(dir, ArchiveFormat.LATENCY_CSV, ArchiveFormat.LATENCY_REQUIRED_COLUMNS);
        CsvFiles.Table memory = table(dir, ArchiveFormat.MEMORY_CSV, ArchiveFormat.MEMORY_COLUMNS);
        numbers(results, ArchiveFormat.RESULTS_CSV, List.of("score", "samples"),
            List.of("error", "alloc_bytes_per_op", "size", "hit_ratio", "input_bytes", "bytes_per_ns"));
        numbers(latency, ArchiveFormat.LATENCY_CSV, List.of("size", "p50", "p99", "p999", "p9999", "max", "count",
            "mean"), List.of());
        fillMaxima(latency);
        numbers(memory, ArchiveFormat.MEMORY_CSV, List.of("size", "bytes_total", "bytes_per_entry"), List.of());
        List<List<String>> csvRows = results.values(ArchiveFormat.RESULTS_COLUMNS);
        if (csvRows.size() != derived.size()) {
            throw new Problem(ArchiveFormat.RESULTS_CSV + " has " + csvRows.size() + " rows but "
                + ArchiveFormat.JMH_JSON + " has " + derived.size() + " results");
        }
        for (int i = 0; i < derived.size(); i++) {
            if (!derived.get(i).equals(csvRows.get(i))) {
                throw new Problem(ArchiveFormat.RESULTS_CSV + " row " + (i + 1) + " differs from what "
                    + ArchiveFormat.JMH_JSON + " gives: " + csvRows.get(i) + " vs " + derived.get(i));
            }
        }
        count(meta, "jmh_results", derived.size());
        count(meta, "latency_rows", latency.rows().size());
        count(meta, "memory_rows", memory.rows().size());
        try {
            if (Files.readString(dir.resolve(ArchiveFormat.SUMMARY_MD)).isBlank()) {
                throw new Problem(ArchiveFormat.SUMMARY_MD + " is empty");
            }
        } catch (IOException e) {
            throw new Problem("cannot read " + ArchiveFormat.SUMMARY_MD + ": " + e.getMessage());
        }
        return new Counts(derived.size(), latency.rows().size(), memory.rows().size());
    }

    private static CsvFiles.Table table(Path dir, String name, List<String> columns) throws Problem {
        CsvFiles.Table t;
        try {
            t = CsvFiles.read(dir.resolve(name));
        } catch (ArchiveException e) {
            throw new Problem(e.inRun());
        }
        if (t.header().size() < columns.size() || !t.header().subList(0, columns.size()).equals(columns)) {
            throw new Problem(name + " header is " + t.header() + ", expected it to start with " + columns);
        }
        return t;
    }

    private static void numbers(CsvFiles.Table t, String name, List<String> required, List<String> optional)
        throws Problem {
        int line = 1;
        for (Map<String, String> r : t.rows()) {
            line++;
            for (String c : required) {
                if (!isNumber(r.get(c))) {
                    throw new Problem(name + " line " + line + ": " + c + " '" + r.get(c) + "' is not a number");
                }
            }
            for (String c : optional) {
                String v = r.get(c);
                if (!v.isEmpty() && !isNumber(v)) {
                    throw new Problem(name + " line " + line + ": " + c + " '" + v + "' is not a number");
                }
            }
        }
    }

    /**
     * The {@link ArchiveFormat#LATENCY_FILL_COLUMNS} that latency.csv's header has: in each row
     * all empty (a row merged from an archive written before them) or all whole numbers with
     * {@code rounds >= 1} and {@code max_min <= max_median <= max}.
     */
    private static void fillMaxima(CsvFiles.Table t) throws Problem {
        List<String> columns = ArchiveFormat.LATENCY_FILL_COLUMNS.stream().filter(t.header()::contains).toList();
        int line = 1;
        for (Map<String, String> r : t.rows()) {
            line++;
            String where = ArchiveFormat.LATENCY_CSV + " line " + line + ": ";
            if (columns.stream().allMatch(c -> r.get(c).isEmpty())) {
                continue;
            }
            for (String c : columns) {
                if (wholeNumber(r.get(c)) < 0) {
                    throw new Problem(where + c + " '" + r.get(c) + "' is not a whole number >= 0 (the per-fill "
                        + "columns " + columns + " are all set or all empty)");
                }
            }
            if (columns.contains("rounds") && wholeNumber(r.get("rounds")) < 1) {
                throw new Problem(where + "rounds is 0; a row measures at least one fill");
            }
            notAbove(where, r, "max_min", "max_median");
            notAbove(where, r, "max_median", "max");
            notAbove(where, r, "max_min", "max");
        }
    }

    /** A Problem when both columns are in the row and {@code low}'s value is above {@code high}'s. */
    private static void notAbove(String where, Map<String, String> r, String low, String high) throws Problem {
        if (r.containsKey(low) && r.containsKey(high)
            && Double.parseDouble(r.get(low)) > Double.parseDouble(r.get(high))) {
            throw new Problem(where + low + " " + r.get(low) + " is larger than " + high + " " + r.get(high));
        }
    }

    /** {@code v} as a whole number; negative when it is negative or not a whole number. */
    private static long wholeNumber(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isNumber(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void count(RunMetadata meta, String key, int actual) throws Problem {
        String v = meta.get(key);
        if (!String.valueOf(actual).equals(v)) {
            throw new Problem(RunArchive.METADATA_FILE + " says " + key + " = " + v + " but the files hold " + actual);
        }
    }
}
