package org.hmaplab.harness.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.stats.ForkScores;

/**
 * The run summary (summary.md, also printed at the end of a run): per operation, key kind, size
 * and distribution, every implementation's score with its error and its ratio to the best peer
 * (eclipse, agrona, fastutil, jdk) of the same group in the same run (&lt; 1: faster than the best
 * peer) and, for gets when the run measured {@code LimitBench}, its multiple of the one-line memory
 * limit of the same key kind, size and distribution; then hasher speed, insert-latency percentiles,
 * bytes per entry and, when the run measured any of them, the performance goals ({@link Goals}).
 * Rows are read by column name, so the summary works on merged archives too.
 */
public final class Summary {
    private Summary() {
    }

    /** The Markdown text for the given archive rows, without per-fork data. */
    public static String markdown(String title, List<ArchiveRows.Result> results, List<ArchiveRows.Latency> latency,
                                  List<ArchiveRows.Memory> memory) {
        return markdown(title, results, latency, memory, ForkScores.EMPTY, List.of());
    }

    /**
     * The Markdown text for the given archive rows, the run's per-fork data (intervals of the goals and
     * of the native comparison) and lines about the run's noise (the A/A control, the machine).
     */
    public static String markdown(String title, List<ArchiveRows.Result> results, List<ArchiveRows.Latency> latency,
                                  List<ArchiveRows.Memory> memory, ForkScores forks, List<String> noise) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        if (!noise.isEmpty()) {
            sb.append("## Noise of this run\n\n");
            noise.forEach(line -> sb.append("- ").append(line).append('\n'));
            sb.append('\n');
        }
        List<ArchiveRows.Result> mapRows = new ArrayList<>();
        List<ArchiveRows.Result> hashRows = new ArrayList<>();
        for (ArchiveRows.Result r : results) {
            String op = r.operation();
            (op.contains("hash") || op.equals(MatrixBuilder.MULTIPLY_LATENCY_OPERATION) ? hashRows : mapRows).add(r);
        }
        if (!mapRows.isEmpty()) {
            Map<String, Double> limits = limits(mapRows);
            boolean withLimit = !limits.isEmpty();
            sb.append("## Map operations\n\n");
            sb.append("Score: average time per operation with JMH's 99.9 % error; vs best peer: score divided by the ")
                .append("fastest peer's score in the same group (below 1 is faster).");
            if (withLimit) {
                sb.append(" vs limit: a get's score divided by the score of ")
                    .append(MatrixBuilder.LIMIT_1LINE_OPERATION)
                    .append(" with the same key kind, size and distribution: one independent random 8-byte load per ")
                    .append("probe from an array the size of the table, the floor of a lookup that touches one cache ")
                    .append("line (").append(MatrixBuilder.LIMIT_2LINES_OPERATION)
                    .append(": two loads 64 bytes apart).");
            }
            sb.append("\n\n| operation | key kind | size | distribution | impl | hasher | score | unit | alloc B/op "
                + "| vs best peer |").append(withLimit ? " vs limit |" : "").append('\n');
            sb.append("|---|---|---:|---|---|---|---:|---|---:|---:|").append(withLimit ? "---:|" : "").append('\n');
            Map<String, List<ArchiveRows.Result>> groups = new LinkedHashMap<>();
            for (ArchiveRows.Result r : mapRows) {
                String key = String.join("|", r.operation(), r.keyKind(), r.size(), r.distribution());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            for (List<ArchiveRows.Result> g : groups.values()) {
                ArchiveRows.Result fastestPeer = Goals.best(g, r -> MapRegistry.isPeer(r.impl()),
                    ArchiveRows.Result::score);
                double bestPeer = fastestPeer == null ? Double.NaN : fastestPeer.score();
                for (ArchiveRows.Result r : g) {
                    double s = r.score();
                    String ratio = Double.isNaN(bestPeer) || Double.isNaN(s) || r.impl().equals("baseline") ? ""
                        : String.format(Locale.ROOT, "%.2f", s / bestPeer);
                    sb.append("| ").append(String.join(" | ", r.operation(), r.keyKind(), r.size(),
                        r.distribution(), r.impl(), r.hasher(), scoreWithError(r), r.unit(),
                        short2(r.allocBytesPerOp()), ratio));
                    if (withLimit) {
                        double m = overLimit(r, limits);
                        sb.append(" | ").append(Double.isNaN(m) ? "" : String.format(Locale.ROOT, "%.2f", m));
                    }
                    sb.append(" |\n");
                }
            }
            sb.append('\n');
        }
        if (!hashRows.isEmpty()) {
            sb.append("## Hasher speed\n\n");
            sb.append("| operation | input bytes | hasher | score | unit | bytes/ns | alloc B/op |\n");
            sb.append("|---|---:|---|---:|---|---:|---:|\n");
            for (ArchiveRows.Result r : hashRows) {
                sb.append("| ").append(String.join(" | ", r.operation(), r.inputBytes(), r.hasher(),
                    scoreWithError(r), r.unit(), short2(r.bytesPerNs()), short2(r.allocBytesPerOp())))
                    .append(" |\n");
            }
            sb.append('\n');
        }
        if (!latency.isEmpty()) {
            sb.append("## Insert latency while filling an empty map\n\n");
            latency(sb, latency);
        }
        if (!memory.isEmpty()) {
            sb.append("## Memory after filling (JOL)\n\n");
            sb.append("| impl | hasher | key kind | size | bytes/entry | bytes total | jol mode |\n");
            sb.append("|---|---|---|---:|---:|---:|---|\n");
            for (ArchiveRows.Memory r : memory) {
                sb.append("| ").append(String.join(" | ", r.impl(), r.hasher(), r.keyKind(), r.size(),
                    r.bytesPerEntry(), r.bytesTotal(), r.jolMode())).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append(NativeGoals.markdown(results, forks));
        List<Goals.Verdict> goals = Goals.judge(results, latency, memory, forks);
        if (goals.stream().anyMatch(v -> !v.status().equals(Goals.NOT_MEASURED))) {
            sb.append(Goals.markdown(goals));
        }
        return sb.toString();
    }

    /**
     * The latency table; the per-fill columns ({@link ArchiveFormat#LATENCY_FILL_COLUMNS}) only
     * when some row has them (archives written before them do not).
     */
    private static void latency(StringBuilder sb, List<ArchiveRows.Latency> latency) {
        boolean fills = latency.stream().anyMatch(r -> !r.rounds().isEmpty());
        sb.append("Every insert timed with System.nanoTime; impl `timer` is the timer's own cost; max: the largest ")
            .append("insert of all measured fills.");
        if (fills) {
            sb.append(" Per fill: fills measured, the median and the smallest of each fill's largest insert ")
                .append("(the pause goal is judged on the median: one machine hiccup does not decide it).");
        }
        sb.append("\n\n| impl | hasher | key kind | size | gc | p50 | p99 | p99.9 | p99.99 | max |")
            .append(fills ? " fills | max, median of fills | max, min of fills |" : "").append(" unit |\n")
            .append("|---|---|---|---:|---|---:|---:|---:|---:|---:|").append(fills ? "---:|---:|---:|" : "")
            .append("---|\n");
        for (ArchiveRows.Latency r : latency) {
            List<String> cells = new ArrayList<>(List.of(r.impl(), r.hasher(), r.keyKind(), r.size(), r.gc(),
                r.get(ArchiveFormat.Latency.P50), r.get(ArchiveFormat.Latency.P99), r.get(ArchiveFormat.Latency.P999),
                r.get(ArchiveFormat.Latency.P9999), r.max()));
            if (fills) {
                ArchiveFormat.LATENCY_FILL_COLUMNS.forEach(c -> cells.add(r.get(c)));
            }
            cells.add(r.unit());
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        sb.append('\n');
    }

    /**
     * The one-line limit's score ({@link MatrixBuilder#LIMIT_1LINE_OPERATION}) of each key kind, size and
     * distribution the rows have one for, by {@link #limitGroup}.
     */
    static Map<String, Double> limits(List<ArchiveRows.Result> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ArchiveRows.Result r : results) {
            double s = r.score();
            if (MatrixBuilder.LIMIT_1LINE_OPERATION.equals(r.operation()) && !Double.isNaN(s) && s > 0) {
                out.putIfAbsent(limitGroup(r), s);
            }
        }
        return out;
    }

    private static String limitGroup(ArchiveRows.Result r) {
        return String.join("|", r.keyKind(), r.size(), r.distribution());
    }

    /**
     * A get's (or a limit's) score as a multiple of the one-line limit of its key kind, size and
     * distribution; NaN for other operations and when {@code limits} has no such group.
     */
    static double overLimit(ArchiveRows.Result r, Map<String, Double> limits) {
        String op = r.operation();
        if (!op.startsWith("get-") && !op.startsWith("limit-")) {
            return Double.NaN;
        }
        Double limit = limits.get(limitGroup(r));
        return limit == null ? Double.NaN : r.score() / limit;
    }

    private static String scoreWithError(ArchiveRows.Result r) {
        String error = r.get(ArchiveFormat.Results.ERROR);
        return short2(r.get(ArchiveFormat.Results.SCORE)) + (error.isEmpty() || error.equals("NaN") ? ""
            : " ± " + short2(error));
    }

    private static String short2(String v) {
        double d = number(v);
        return Double.isNaN(d) ? (v == null ? "" : v) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** A CSV cell as a number; NaN when it is empty or not a number. */
    static double number(String v) {
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
