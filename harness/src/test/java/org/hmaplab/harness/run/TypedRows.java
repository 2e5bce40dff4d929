package org.hmaplab.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.archive.ArchiveRows;

/** Typed archive rows from hand-made column maps (column name -> cell), numbered as in their CSV file. */
final class TypedRows {
    private TypedRows() {
    }

    /** Results rows, the first on line 2 (below the header); no per-fork scores. */
    static List<ArchiveRows.Result> results(List<Map<String, String>> rows) {
        List<ArchiveRows.Result> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new ArchiveRows.Result(out.size() + 2, r, List.of()));
        }
        return out;
    }

    /** One results row on line 2. */
    static ArchiveRows.Result result(Map<String, String> row) {
        return results(List.of(row)).get(0);
    }

    /** latency.csv rows, the first on line 2. */
    static List<ArchiveRows.Latency> latency(List<Map<String, String>> rows) {
        List<ArchiveRows.Latency> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new ArchiveRows.Latency(out.size() + 2, r));
        }
        return out;
    }

    /** memory.csv rows, the first on line 2. */
    static List<ArchiveRows.Memory> memory(List<Map<String, String>> rows) {
        List<ArchiveRows.Memory> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new ArchiveRows.Memory(out.size() + 2, r));
        }
        return out;
    }
}
