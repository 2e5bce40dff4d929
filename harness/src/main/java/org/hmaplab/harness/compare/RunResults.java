package org.hmaplab.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hmaplab.harness.archive.ArchiveException;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;

/**
 * The benchmark cells and metadata of one archived run folder ({@code results/<runId>/}).
 *
 * <p>The folder is read by {@link ArchiveReader} (so a damaged one is one line naming run, file and
 * line). Cells come from {@code results.csv} (the harness's flat table) when the folder has one, else
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
    public static final String RESULTS_CSV = ArchiveFormat.RESULTS_CSV;
    /** JMH's JSON result array. */
    public static final String JMH_JSON = ArchiveFormat.JMH_JSON;
    /** The run's metadata object. */
    public static final String METADATA_JSON = ArchiveFormat.METADATA_JSON;

    /** Columns of results.csv that are measurements, not part of a cell's identity. */
    private static final Set<String> MEASURED_COLUMNS =
        Set.of("benchmark", "mode", "unit", "score", "error", "samples", "alloc_bytes_per_op", "bytes_per_ns");

    /**
     * Reads a run folder through {@link ArchiveReader}.
     *
     * @throws org.hmaplab.harness.archive.ArchiveException naming the run, file and line when the
     *     folder does not exist, holds neither results.csv nor jmh-result.json, or a file is damaged
     */
    public static RunResults read(Path dir) {
        return from(ArchiveReader.read(dir));
    }

    /** The cells of a run already read: from its results.csv rows, else from its jmh-result.json. */
    public static RunResults from(ArchiveReader.Run run) {
        final Path dir = run.dir();
        final Map<String, Cell> cells;
        if (Files.isRegularFile(dir.resolve(ArchiveFormat.RESULTS_CSV))) {
            cells = fromRows(run.results());
        } else if (Files.isRegularFile(dir.resolve(ArchiveFormat.JMH_JSON))) {
            cells = readJmhJson(ArchiveReader.jmhJson(dir, run.label()));
        } else {
            throw new ArchiveException(run.label(), "", ArchiveException.WHOLE_FILE, dir + " has neither "
                + ArchiveFormat.RESULTS_CSV + " nor " + ArchiveFormat.JMH_JSON
                + "; give a folder written by 'hbench run'");
        }
        return new RunResults(dir, run.metadata(), cells);
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

    private static Map<String, Cell> fromRows(List<ArchiveRows.Result> rows) {
        final Map<String, Cell> cells = new LinkedHashMap<>();
        for (ArchiveRows.Result rec : rows) {
            final Map<String, String> cols = new LinkedHashMap<>();
            rec.columns().forEach((h, v) -> {
                if (!MEASURED_COLUMNS.contains(h)) {
                    cols.put(h, v);
                }
            });
            final Cell c = new Cell(key(rec.benchmark(), rec.mode(), cols), rec.benchmark(), rec.mode(), rec.unit(),
                rec.score(), rec.error(), Collections.unmodifiableMap(cols));
            cells.put(c.key(), c);
        }
        return Collections.unmodifiableMap(cells);
    }

    private static Map<String, Cell> readJmhJson(JsonNode root) {
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
