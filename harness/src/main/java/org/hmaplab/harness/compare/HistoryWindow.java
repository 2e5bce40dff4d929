package org.hmaplab.harness.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the last N archived runs comparable with a given run: same kind, same profile, same
 * machine (see {@link Environment#sameMachine}), started before it. Candidates are the folders
 * listed in {@code results/index.csv} (column {@code run_id}, or {@code dir}/{@code folder} when
 * present), else every sub-folder of the results folder; order is by {@code start_utc}, then
 * by folder name (run ids begin with the UTC time).
 */
public final class HistoryWindow {

    /** The index of archived runs in a results folder. */
    public static final String INDEX_CSV = "index.csv";

    private HistoryWindow() {
    }

    /** Up to {@code n} runs before {@code current}, oldest first. */
    public static List<RunResults> lastRuns(Path resultsDir, RunResults current, int n) throws IOException {
        if (n <= 0) {
            return List.of();
        }
        final Path self = current.dir().toAbsolutePath().normalize();
        final List<RunResults> candidates = new ArrayList<>();
        for (Path dir : candidateFolders(resultsDir)) {
            final Path abs = dir.toAbsolutePath().normalize();
            if (abs.equals(self) || !Files.isDirectory(dir)) {
                continue;
            }
            final RunResults r;
            try {
                r = RunResults.read(dir);
            } catch (IllegalArgumentException e) {
                continue; // not a bench archive (a study, a half-written folder): not part of any window
            }
            if (r.meta("kind").equals(current.meta("kind"))
                && Environment.sameMachine(r.metadata(), current.metadata())
                && before(r, current)) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.comparing((RunResults r) -> r.meta("start_utc"))
            .thenComparing(r -> String.valueOf(r.dir().getFileName())));
        return candidates.subList(Math.max(0, candidates.size() - n), candidates.size());
    }

    private static boolean before(RunResults r, RunResults current) {
        final String a = r.meta("start_utc");
        final String b = current.meta("start_utc");
        if (a.isEmpty() || b.isEmpty()) {
            return String.valueOf(r.dir().getFileName()).compareTo(String.valueOf(current.dir().getFileName())) < 0;
        }
        return a.compareTo(b) < 0;
    }

    private static List<Path> candidateFolders(Path resultsDir) throws IOException {
        final Path index = resultsDir.resolve(INDEX_CSV);
        final List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(index)) {
            try (Reader r = Files.newBufferedReader(index, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                final String col = Stream.of("dir", "folder", "run_id")
                    .filter(p.getHeaderNames()::contains).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(index + " has none of the columns dir, folder,"
                        + " run_id; columns: " + p.getHeaderNames()));
                for (CSVRecord rec : p) {
                    out.add(resultsDir.resolve(rec.get(col)));
                }
            }
            return out;
        }
        if (Files.isDirectory(resultsDir)) {
            try (Stream<Path> s = Files.list(resultsDir)) {
                s.filter(Files::isDirectory).forEach(out::add);
            }
        }
        return out;
    }
}
