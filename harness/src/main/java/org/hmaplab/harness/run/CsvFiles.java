package org.hmaplab.harness.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reading and writing the archive's CSVs with Commons CSV, header first. */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** Writes {@code header} and {@code rows} (each as long as the header) to {@code file}. */
    public static void write(Path file, List<String> header, List<List<String>> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, ArchiveFormat.CSV)) {
            p.printRecord(header);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(file.getFileName() + ": a row has " + row.size()
                        + " cells for " + header.size() + " columns: " + row);
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A parsed CSV: its header and its rows as column -&gt; value maps. */
    public record Table(List<String> header, List<Map<String, String>> rows) {
        /** The rows as value lists in the order of {@code columns}. */
        public List<List<String>> values(List<String> columns) {
            List<List<String>> out = new ArrayList<>();
            for (Map<String, String> r : rows) {
                List<String> v = new ArrayList<>();
                for (String c : columns) {
                    v.add(r.getOrDefault(c, ""));
                }
                out.add(v);
            }
            return out;
        }
    }

    /**
     * Reads {@code file}; every record must have as many cells as the header.
     *
     * @throws IllegalArgumentException naming the file and line of the first bad record
     */
    public static Table read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(ArchiveFormat.CSV).get()) {
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (header == null) {
                    header = rec.toList();
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + parser.getCurrentLineNumber()
                        + ": " + rec.size() + " cells for " + header.size() + " columns");
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), rec.get(i));
                }
                rows.add(m);
            }
            if (header == null) {
                throw new IllegalArgumentException(file.getFileName() + " is empty (no header row)");
            }
            return new Table(List.copyOf(header), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not valid CSV: " + e.getMessage(), e);
        }
    }
}
