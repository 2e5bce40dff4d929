package org.hmaplab.harness.report;

import java.util.Map;

/** Numbers from CSV rows (the rows themselves come from org.hmaplab.harness.archive.ArchiveReader). */
public final class CsvRows {

    private CsvRows() {
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
