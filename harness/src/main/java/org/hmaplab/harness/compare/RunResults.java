package org.hmaplab.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The benchmark cells and metadata of one archived run folder ({@code results/<runId>/}).
 *
 * <p>Cells come from {@code results.csv} (the harness's flat table) when the folder has one, else
 * from {@code jmh-result.json} (JMH's own JSON array). Metadata comes from {@code metadata.json},
 * a flat JSON object; nested values are kept as their JSON text. A cell's key is the benchmark,
 * the mode and every descriptive column (all columns but the measured ones), so two runs' cells
 * with the same key are the same experiment.
 *
 * @param dir      the run folder
 * @param metadata the metadata entries (empty when the folder has no metadata.json)
 * @param cells    the cells in file order, by key
 */
public record RunResults(Path dir, Map<String, String> metadata, Map<String, Cell> cells) {

    /** The flat results table the harness writes. */
    public static final String RESULTS_CSV = "results.csv";
    /** JMH's JSON result array. */
    public static final String JMH_JSON = "jmh-result.json";
    /** The run's metadata object. */
    public static final String METADATA_JSON = "metadata.json";

    /** Columns of results.csv that are measurements, not part of a cell's identity. */
    private static final Set<String> MEASURED_COLUMNS =
        Set.of("benchmark", "mode", "unit", "score", "error", "samples", "alloc_bytes_per_op", "bytes_per_ns");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a run folder.
     *
     * @throws IllegalArgumentException when the folder does not exist or holds neither results.csv
     *                                  nor jmh-result.json, or when a file is malformed (the message says which)
     */
    public static RunResults read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run folder " + dir + " does not exist or is not a folder");
        }
        final Map<String, String> meta = readMetadata(dir.resolve(METADATA_JSON));
        final Path csv = dir.resolve(RESULTS_CSV);
        final Path json = dir.resolve(JMH_JSON);
        final Map<String, Cell> cells;
        if (Files.isRegularFile(csv)) {
            cells = readCsv(csv);
        } else if (Files.isRegularFile(json)) {
            cells = readJmhJson(json);
        } else {
            throw new IllegalArgumentException("run folder " + dir + " has neither " + RESULTS_CSV
                + " nor " + JMH_JSON + "; give a folder written by 'hbench run'");
        }
        return new RunResults(dir, meta, cells);
    }

    /** Metadata value, or "" when absent. */
    public String meta(String key) {
        return metadata.getOrDefault(key, "");
    }

    /** A short label for the run: its run_id, else the folder name. */
    public String label() {
        final String id = meta("run_id");
        return id.isEmpty() ? String.valueOf(dir.getFileName()) : id;
    }

    /** Reads a flat metadata.json; a missing file gives an empty map. */
    public static Map<String, String> readMetadata(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        final JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a JSON object of metadata entries");
        }
        final Map<String, String> out = new LinkedHashMap<>();
        final Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            final Map.Entry<String, JsonNode> e = it.next();
            final JsonNode v = e.getValue();
            out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Cell> readCsv(Path csv) throws IOException {
        final Map<String, Cell> cells = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            final List<String> header = p.getHeaderNames();
            for (String required : List.of("benchmark", "mode", "unit", "score", "error")) {
                if (!header.contains(required)) {
                    throw new IllegalArgumentException(csv + " has no column '" + required + "'; columns: " + header);
                }
            }
            for (CSVRecord rec : p) {
                final Map<String, String> cols = new LinkedHashMap<>();
                for (String h : header) {
                    if (!MEASURED_COLUMNS.contains(h) && rec.isSet(h)) {
                        cols.put(h, rec.get(h));
                    }
                }
                final Cell c = new Cell(key(rec.get("benchmark"), rec.get("mode"), cols), rec.get("benchmark"),
                    rec.get("mode"), rec.get("unit"), parse(rec.get("score"), csv, "score"),
                    parse(rec.get("error"), csv, "error"), Collections.unmodifiableMap(cols));
                cells.put(c.key(), c);
            }
        }
        return Collections.unmodifiableMap(cells);
    }

    private static Map<String, Cell> readJmhJson(Path json) throws IOException {
        final JsonNode root = JSON.readTree(json.toFile());
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(json + " is not a JMH result array");
        }
        final Map<String, Cell> cells = new LinkedHashMap<>();
        for (JsonNode b : root) {
            final Map<String, String> cols = new TreeMap<>();
            final JsonNode params = b.path("params");
            final Iterator<Map.Entry<String, JsonNode>> it = params.fields();
            final StringBuilder paramText = new StringBuilder();
            while (it.hasNext()) {
                final Map.Entry<String, JsonNode> e = it.next();
                cols.put(e.getKey(), e.getValue().asText());
            }
            cols.forEach((k, v) -> paramText.append(paramText.isEmpty() ? "" : ";").append(k).append('=').append(v));
            final Map<String, String> all = new LinkedHashMap<>(cols);
            all.put("params", paramText.toString());
            final JsonNode pm = b.path("primaryMetric");
            final String bench = b.path("benchmark").asText();
            final String mode = b.path("mode").asText();
            final Cell c = new Cell(key(bench, mode, all), bench, mode, pm.path("scoreUnit").asText(),
                pm.path("score").asDouble(Double.NaN), jsonDouble(pm.path("scoreError")),
                Collections.unmodifiableMap(all));
            cells.put(c.key(), c);
        }
        return Collections.unmodifiableMap(cells);
    }

    private static double jsonDouble(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isTextual() ? parseLenient(n.asText()) : Double.NaN;
    }

    private static String key(String benchmark, String mode, Map<String, String> cols) {
        final StringBuilder sb = new StringBuilder(benchmark).append('|').append(mode.toLowerCase(Locale.ROOT));
        new TreeMap<>(cols).forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
        return sb.toString();
    }

    private static double parse(String text, Path file, String column) {
        final double d = parseLenient(text);
        if (Double.isNaN(d) && !text.isBlank() && !text.trim().equalsIgnoreCase("nan")) {
            throw new IllegalArgumentException(file + ": column " + column + " holds '" + text + "', not a number");
        }
        return d;
    }

    private static double parseLenient(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The cells as a list, in file order. */
    public List<Cell> cellList() {
        return new ArrayList<>(cells.values());
    }
}
