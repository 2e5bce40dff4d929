package org.hmaplab.harness.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hmaplab.harness.archive.ArchiveException;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;

/**
 * The per-fork scores of a run, read from JMH's JSON result array ({@code jmh-result.json}, or the
 * JMH-shaped results of native-Go cells): {@code primaryMetric.rawData} holds one row of timed
 * iterations per fork. A results.csv row finds its sample by its {@code benchmark} and
 * {@code params} columns (the parameters as {@code k=v} joined by {@code ;} in name order, as
 * results.csv writes them). Results of the same cell from several rounds are pooled: their forks
 * together form the cell's sample.
 */
public final class ForkScores {
    /** No per-fork data (an archive without its JSON). */
    public static final ForkScores EMPTY = new ForkScores(Map.of());

    /** One cell's sample: the mean of each fork, and every timed iteration of every fork. */
    public record Sample(double[] forkMeans, double[] iterations) {
        /** The forks in the sample. */
        public int forks() {
            return forkMeans.length;
        }

        /**
         * The interval of this sample's mean time over {@code other}'s ({@link Ratios#of}); empty when a
         * side has fewer than two timed iterations, which bound nothing.
         */
        public Optional<RatioInterval> ratioTo(Sample other, double confidence) {
            if (iterations.length < 2 || other.iterations.length < 2) {
                return Optional.empty();
            }
            return Optional.of(Ratios.of(forkMeans, other.forkMeans, iterations, other.iterations, confidence));
        }
    }

    private final Map<String, Sample> byCell;

    private ForkScores(Map<String, Sample> byCell) {
        this.byCell = byCell;
    }

    /**
     * The samples of a run folder's {@code jmh-result.json}, read by {@link ArchiveReader#jmhJson};
     * {@link #EMPTY} when the folder has none.
     *
     * @throws ArchiveException naming the run, the file and the line when the file (or the folder's
     *     metadata.json, which names the run) is damaged, e.g. truncated
     */
    public static ForkScores read(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve(ArchiveFormat.JMH_JSON))) {
            return EMPTY;
        }
        String label = ArchiveReader.label(runDir, ArchiveReader.metadata(runDir));
        return fromJmh(ArchiveReader.jmhJson(runDir, label));
    }

    /** The samples of every result in a JMH JSON result array. */
    public static ForkScores fromJmh(JsonNode results) {
        Map<String, List<double[]>> forks = new HashMap<>();
        if (results != null && results.isArray()) {
            for (JsonNode r : results) {
                String key = key(r.path("benchmark").asText(""), params(r.path("params")));
                for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
                    double[] it = new double[fork.size()];
                    for (int i = 0; i < it.length; i++) {
                        it[i] = fork.get(i).asDouble(Double.NaN);
                    }
                    if (it.length > 0) {
                        forks.computeIfAbsent(key, k -> new ArrayList<>()).add(it);
                    }
                }
            }
        }
        Map<String, Sample> samples = new HashMap<>();
        forks.forEach((k, list) -> samples.put(k, sample(list)));
        return new ForkScores(samples);
    }

    private static Sample sample(List<double[]> forks) {
        double[] means = new double[forks.size()];
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (int i = 0; i < forks.size(); i++) {
            double[] f = forks.get(i);
            means[i] = Ratios.mean(f);
            System.arraycopy(f, 0, all, k, f.length);
            k += f.length;
        }
        return new Sample(means, all);
    }

    private static Map<String, String> params(JsonNode p) {
        Map<String, String> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static String key(String benchmark, Map<String, String> sortedParams) {
        return benchmark + "|" + sortedParams.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
    }

    /** The sample of a results.csv row (by its benchmark and params columns), if the run has one. */
    public Optional<Sample> of(ArchiveRows.Result resultsRow) {
        return of(resultsRow.benchmark(), resultsRow.params());
    }

    /** The sample of a benchmark with its parameters as results.csv writes them ({@code k=v;k=v}). */
    public Optional<Sample> of(String benchmark, String params) {
        Map<String, String> sorted = new TreeMap<>();
        if (!params.isEmpty()) {
            for (String kv : params.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    sorted.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return Optional.ofNullable(byCell.get(key(benchmark, sorted)));
    }

    /** Whether any cell has a sample. */
    public boolean isEmpty() {
        return byCell.isEmpty();
    }

    /**
     * The interval of the time ratio {@code a / b} of two rows, by {@link Ratios#of}; empty when
     * either row has no sample.
     */
    public Optional<RatioInterval> timeRatio(ArchiveRows.Result a, ArchiveRows.Result b, double confidence) {
        Optional<Sample> sa = of(a);
        Optional<Sample> sb = of(b);
        return sa.isEmpty() || sb.isEmpty() ? Optional.empty() : sa.get().ratioTo(sb.get(), confidence);
    }
}
