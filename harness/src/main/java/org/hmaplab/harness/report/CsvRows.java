package org.hmaplab.harness.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file with a header into rows of column -> value; a missing file gives no rows. */
public final class CsvRows {

    private CsvRows() {
    }

    /**
     * The rows of {@code file}.
     *
     * @param required columns the file must have when it exists
     * @throws IllegalArgumentException naming the file and the missing column
     */
    public static List<Map<String, String>> read(Path file, List<String> required) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        final List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (String c : required) {
                if (!p.getHeaderNames().contains(c)) {
                    throw new IllegalArgumentException(file + " has no column '" + c + "'; columns: "
                        + p.getHeaderNames());
                }
            }
            for (CSVRecord rec : p) {
                final Map<String, String> m = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) {
                    m.put(h, rec.isSet(h) ? rec.get(h) : "");
                }
                rows.add(m);
            }
        }
        return rows;
    }

    /** The value parsed as a double, NaN when blank or not a number. */
    public static double number(Map<String, String> row, String column) {
        try {
            return Double.parseDouble(row.getOrDefault(column, "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
