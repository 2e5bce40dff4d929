package org.hmaplab.harness.archive;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader of run archives: metadata, results (with each result's per-fork mean scores from
 * jmh-result.json), latency and memory rows as typed records, JMH's JSON and log. It accepts every
 * archive format version up to {@link ArchiveFormat#VERSION}. Whatever is damaged (a folder that is
 * no archive, JSON that does not parse, a CSV row with an unbalanced quote or too few cells, a
 * score that is not a number) becomes one {@link ArchiveException} naming the run, the file, the
 * line and what is wrong; no other exception leaves this class for a damaged archive.
 *
 * <p>Optional files: a missing latency.csv or memory.csv reads as no rows; results come from
 * results.csv, and a folder with only jmh-result.json (a plain JMH run) still has its JSON.
 */
public final class ArchiveReader {
    private ArchiveReader() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One archived run as read.
     *
     * @param dir      the run folder
     * @param label    its run id, else the folder name
     * @param metadata metadata.json's entries in file order (empty without the file); nested values as JSON text
     * @param version  the archive format version (metadata's {@value ArchiveFormat#VERSION_KEY}, 1 without it)
     * @param results  results.csv's rows (empty without the file)
     * @param latency  latency.csv's rows
     * @param memory   memory.csv's rows
     */
    public record Run(Path dir, String label, Map<String, String> metadata, int version,
                      List<ArchiveRows.Result> results, List<ArchiveRows.Latency> latency,
                      List<ArchiveRows.Memory> memory) {
        /** A metadata value, "" when absent. */
        public String meta(String key) {
            return metadata.getOrDefault(key, "");
        }
    }

    /** Reads the run folder {@code dir}: metadata, every CSV, and the per-fork scores of its JSON. */
    public static Run read(Path dir) {
        Map<String, String> meta = metadata(dir);
        String label = label(dir, meta);
        int version = version(label, meta);
        JsonNode jmh = Files.isRegularFile(dir.resolve(ArchiveFormat.JMH_JSON)) ? jmhJson(dir, label) : null;
        List<ArchiveRows.Result> results = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(ArchiveFormat.RESULTS_CSV))) {
            List<Row> rows = csv(dir, label, ArchiveFormat.RESULTS_CSV, ArchiveFormat.Results.REQUIRED,
                ArchiveFormat.Results.NUMERIC);
            boolean paired = jmh != null && jmh.size() == rows.size();
            for (int i = 0; i < rows.size(); i++) {
                results.add(new ArchiveRows.Result(rows.get(i).line(), rows.get(i).cells(),
                    paired ? forkMeans(jmh.get(i)) : List.of()));
            }
        }
        List<ArchiveRows.Latency> latency = new ArrayList<>();
        for (Row r : optionalCsv(dir, label, ArchiveFormat.LATENCY_CSV, ArchiveFormat.LATENCY_READ_COLUMNS)) {
            latency.add(new ArchiveRows.Latency(r.line(), r.cells()));
        }
        List<ArchiveRows.Memory> memory = new ArrayList<>();
        for (Row r : optionalCsv(dir, label, ArchiveFormat.MEMORY_CSV, ArchiveFormat.MEMORY_READ_COLUMNS)) {
            memory.add(new ArchiveRows.Memory(r.line(), r.cells()));
        }
        return new Run(dir, label, meta, version, List.copyOf(results), List.copyOf(latency), List.copyOf(memory));
    }

    /** The run's id from its metadata, else the folder's name. */
    public static String label(Path dir, Map<String, String> meta) {
        String id = meta.getOrDefault("run_id", "");
        return id.isEmpty() ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) : id;
    }

    /** The archive format version of a run's metadata; an ArchiveException for a newer or malformed one. */
    static int version(String label, Map<String, String> meta) {
        String v = meta.get(ArchiveFormat.VERSION_KEY);
        if (v == null) {
            return ArchiveFormat.VERSION_BEFORE_KEY;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ArchiveException(label, ArchiveFormat.METADATA_JSON, ArchiveException.WHOLE_FILE,
                ArchiveFormat.VERSION_KEY + " is '" + v + "', not a whole number");
        }
        if (n < ArchiveFormat.VERSION_BEFORE_KEY || n > ArchiveFormat.VERSION) {
            throw new ArchiveException(label, ArchiveFormat.METADATA_JSON, ArchiveException.WHOLE_FILE,
                ArchiveFormat.VERSION_KEY + " is " + n + "; this hbench reads versions "
                    + ArchiveFormat.VERSION_BEFORE_KEY + " to "
                    + ArchiveFormat.VERSION + " (a newer hbench wrote it?)");
        }
        return n;
    }

    /**
     * metadata.json of {@code dir} as entries in file order: value nodes as their text, nested values
     * as their JSON; empty when the folder has no metadata.json.
     *
     * @throws ArchiveException when {@code dir} is not a folder or the file is not a JSON object
     */
    public static Map<String, String> metadata(Path dir) {
        String folder = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        if (!Files.isDirectory(dir)) {
            throw new ArchiveException(folder, "", ArchiveException.WHOLE_FILE, dir
                + " does not exist or is not a folder; give a run folder written by hbench (results/<run id>)");
        }
        Path file = dir.resolve(ArchiveFormat.METADATA_JSON);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root = json(file, folder);
        if (root == null || !root.isObject()) {
            throw new ArchiveException(folder, ArchiveFormat.METADATA_JSON, ArchiveException.WHOLE_FILE,
                "not a JSON object of metadata entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return Collections.unmodifiableMap(out);
    }

    /** jmh-result.json of {@code dir}: a JSON array, else an ArchiveException naming where it breaks. */
    public static JsonNode jmhJson(Path dir, String label) {
        JsonNode root = json(dir.resolve(ArchiveFormat.JMH_JSON), label);
        if (root == null || !root.isArray()) {
            throw new ArchiveException(label, ArchiveFormat.JMH_JSON, ArchiveException.WHOLE_FILE,
                "not a JSON array of JMH results");
        }
        return root;
    }

    /**
     * JMH's console output of the run: jmh.log, or jmh.log.gz decompressed; {@code null} when the
     * archive has neither. Both present is an ArchiveException (which one is the log?).
     */
    public static String jmhLog(Path dir, String label) {
        Path plain = dir.resolve(ArchiveFormat.JMH_LOG);
        Path gz = dir.resolve(ArchiveFormat.JMH_LOG_GZ);
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new ArchiveException(label, ArchiveFormat.JMH_LOG_GZ, ArchiveException.WHOLE_FILE,
                "the archive holds both " + ArchiveFormat.JMH_LOG + " and " + ArchiveFormat.JMH_LOG_GZ + "; keep one");
        }
        try {
            if (hasPlain) {
                return Files.readString(plain, StandardCharsets.UTF_8);
            }
            if (hasGz) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ArchiveException(label, hasPlain ? ArchiveFormat.JMH_LOG : ArchiveFormat.JMH_LOG_GZ,
                ArchiveException.WHOLE_FILE, "cannot be read: " + e.getMessage());
        }
    }

    /** The mean of each fork's timed iterations of one JMH result ({@code primaryMetric.rawData}). */
    static List<Double> forkMeans(JsonNode result) {
        List<Double> out = new ArrayList<>();
        for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
            if (fork.isEmpty()) {
                continue;
            }
            double sum = 0;
            for (JsonNode it : fork) {
                sum += it.asDouble(Double.NaN);
            }
            out.add(sum / fork.size());
        }
        return out;
    }

    /** One CSV record: its 1-based line and its cells by column. */
    record Row(int line, Map<String, String> cells) {
    }

    /** A parsed CSV: header and rows. */
    record Table(List<String> header, List<Row> rows) {
    }

    private static List<Row> optionalCsv(Path dir, String label, String name, List<String> required) {
        return Files.isRegularFile(dir.resolve(name)) ? csv(dir, label, name, required, List.of()) : List.of();
    }

    private static List<Row> csv(Path dir, String label, String name, List<String> required, List<String> numeric) {
        Table t = table(dir, label, name);
        for (String c : required) {
            if (!t.header().contains(c)) {
                throw new ArchiveException(label, name, 1, "no column '" + c + "' in the header " + t.header());
            }
        }
        for (Row r : t.rows()) {
            for (String c : numeric) {
                String v = r.cells().getOrDefault(c, "").trim();
                if (!v.isEmpty() && !isNumber(v)) {
                    throw new ArchiveException(label, name, r.line(), c + " is '" + v + "', not a number");
                }
            }
        }
        return t.rows();
    }

    /**
     * The CSV file {@code name} of {@code dir}: header and rows, every row as long as the header.
     *
     * @throws ArchiveException naming the line of the first record that does not parse or has the wrong length
     */
    static Table table(Path dir, String label, String name) {
        Path file = dir.resolve(name);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(ArchiveFormat.CSV).get()) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            int line = 1;
            var it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    throw new ArchiveException(label, name, line, "the record starting here is not valid CSV ("
                        + csvProblem(e) + ")");
                }
                if (header == null) {
                    header = rec.toList();
                    line = (int) parser.getCurrentLineNumber() + 1;
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new ArchiveException(label, name, line, rec.size() + " cells for " + header.size()
                        + " columns");
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), rec.get(i));
                }
                rows.add(new Row(line, m));
                line = (int) parser.getCurrentLineNumber() + 1;
            }
            if (header == null) {
                throw new ArchiveException(label, name, ArchiveException.WHOLE_FILE, "empty (no header row)");
            }
            return new Table(List.copyOf(header), List.copyOf(rows));
        } catch (IOException e) {
            throw new ArchiveException(label, name, ArchiveException.WHOLE_FILE, "cannot be read: " + e.getMessage());
        }
    }

    /** Commons CSV's message without its wrapping ("IOException reading next record: ..."). */
    private static String csvProblem(UncheckedIOException e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        m = m.replaceFirst("^\\((start)?line \\d+\\)\\s*", "");
        return m.contains("encapsulated token") ? m + ": a quote opened in this record is never closed" : m;
    }

    private static JsonNode json(Path file, String label) {
        String name = String.valueOf(file.getFileName());
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? ArchiveException.WHOLE_FILE : at.getLineNr();
            String col = at == null ? "" : " at column " + at.getColumnNr();
            String what = e.getOriginalMessage().replaceAll(
                "\\(start marker at \\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]\\)", "opened at line $1");
            throw new ArchiveException(label, name, line, "not valid JSON" + col + ": " + what
                + (what.contains("end-of-input") ? " (the file is truncated?)" : ""));
        } catch (IOException e) {
            throw new ArchiveException(label, name, ArchiveException.WHOLE_FILE, "cannot be read: " + e.getMessage());
        }
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
