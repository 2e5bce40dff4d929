package org.hmaplab.harness.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

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
     * Reads {@code file} with {@link ArchiveReader}'s CSV parser; every record must have as many cells
     * as the header.
     *
     * @throws ArchiveException naming the run (the file's folder), the file and the line of the first bad record
     */
    public static Table read(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        ArchiveReader.Table t = ArchiveReader.table(dir, String.valueOf(dir.getFileName()),
            String.valueOf(file.getFileName()));
        return new Table(t.header(), t.rows().stream().map(ArchiveReader.Row::cells).toList());
    }

    /** {@code rows} (each as long as {@code header}) as column -&gt; value maps in header order. */
    public static List<Map<String, String>> toMaps(List<String> header, List<List<String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
