package org.hmaplab.harness.study;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a study's CSV file: a header, then rows, with Commons CSV quoting. */
public final class CsvOut {

    private CsvOut() {
    }

    /** Writes {@code rows} under {@code header} to {@code file}. */
    public static void write(Path file, List<String> header, List<List<?>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(w)) {
            for (List<?> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalStateException(file + ": row of " + r.size() + " values for "
                        + header.size() + " columns: " + r);
                }
                p.printRecord(r);
            }
        }
    }
}
