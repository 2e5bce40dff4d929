package org.hmaplab.harness.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.GoalVerdict;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;

/**
 * Our Java models against the Go runtime they model: for every long-key map cell that a run
 * measured on both, the time of our fastest configuration of a model with a hasher over the time
 * of native Go of the same generation with the matching hash, with its interval over the forks.
 *
 * <table>
 *   <caption>Pairs</caption>
 *   <tr><th>Java model</th><th>hasher</th><th>native Go</th><th>hash</th></tr>
 *   <tr><td>classic ({@code go-*})</td><td>{@code go}</td><td>{@code native-go119}</td>
 *       <td>{@code fallback} (the same function, bit for bit)</td></tr>
 *   <tr><td>classic</td><td>{@code aes}</td><td>{@code native-go119}</td><td>{@code aeshash} (the same
 *       structure, a fixed key schedule)</td></tr>
 *   <tr><td>Swiss ({@code swiss-*})</td><td>{@code go}</td><td>{@code native-go127}</td>
 *       <td>{@code fallback} (Go 1.23 and later mix per-process keys into it; same cost)</td></tr>
 *   <tr><td>Swiss</td><td>{@code aes}</td><td>{@code native-go127}</td><td>{@code aeshash}</td></tr>
 * </table>
 * The goal (never slower than the runtime it models) is met for a pair when every cell's interval
 * lies at or below 1.0, missed when some cell's lies wholly above, undecided otherwise.
 */
public final class NativeGoals {
    private NativeGoals() {
    }

    /** The key kind the native goals judge. */
    static final String LONG_KEYS = "long-random";

    /** One pairing of a Java model and hasher with a native implementation and hash. */
    record Pair(String model, String hasher, NativeGoImpl nativeImpl, String nativeHash) {
        boolean isModel(String impl) {
            return MapRegistry.isGo(impl) && MapRegistry.isSwiss(impl) == model.equals("swiss");
        }

        String label() {
            return model + "/" + hasher + " vs " + nativeImpl.label() + "/" + nativeHash;
        }
    }

    static final List<Pair> PAIRS = List.of(
        new Pair("classic", "go", NativeGoImpl.GO119, "fallback"),
        new Pair("classic", "aes", NativeGoImpl.GO119, "aeshash"),
        new Pair("swiss", "go", NativeGoImpl.GO127, "fallback"),
        new Pair("swiss", "aes", NativeGoImpl.GO127, "aeshash"));

    /** One compared cell: the two rows and the interval of their time ratio (Java over native). */
    record Comparison(Pair pair, String cell, ArchiveRows.Result java, ArchiveRows.Result nativeRow,
                      Optional<RatioInterval> interval) {
        double estimate() {
            return interval.map(RatioInterval::estimate).orElse(java.score() / nativeRow.score());
        }

        GoalVerdict verdict() {
            if (interval.isPresent()) {
                return GoalVerdict.atMost(interval.get(), 1.0);
            }
            return estimate() <= 1.0 ? GoalVerdict.MET : GoalVerdict.MISSED;
        }
    }

    /** Every compared cell of the run, pair by pair, in the rows' order. */
    static List<Comparison> compare(List<ArchiveRows.Result> results, ForkScores forks) {
        List<Comparison> out = new ArrayList<>();
        for (Pair pair : PAIRS) {
            Map<String, List<ArchiveRows.Result>> cells = new LinkedHashMap<>();
            for (ArchiveRows.Result r : results) {
                if (LONG_KEYS.equals(r.keyKind()) && !r.operation().startsWith("baseline")) {
                    cells.computeIfAbsent(cellOf(r), k -> new ArrayList<>()).add(r);
                }
            }
            for (Map.Entry<String, List<ArchiveRows.Result>> e : cells.entrySet()) {
                List<ArchiveRows.Result> g = e.getValue();
                ArchiveRows.Result java = Goals.best(g, r -> pair.isModel(r.impl())
                    && pair.hasher().equals(r.hasher()), ArchiveRows.Result::score);
                ArchiveRows.Result nat = Goals.best(g, r -> pair.nativeImpl().label().equals(r.impl())
                    && pair.nativeHash().equals(r.hasher()), ArchiveRows.Result::score);
                if (java != null && nat != null) {
                    out.add(new Comparison(pair, e.getKey(), java, nat,
                        forks.timeRatio(java, nat, Ratios.DEFAULT_CONFIDENCE)));
                }
            }
        }
        return out;
    }

    private static String cellOf(ArchiveRows.Result r) {
        return r.operation() + " " + r.size() + (r.distribution().isEmpty() || "uniform".equals(r.distribution())
            ? "" : " " + r.distribution());
    }

    /** One goal verdict per pair the run measured. */
    static List<Goals.Verdict> judge(List<ArchiveRows.Result> results, ForkScores forks) {
        List<Goals.Verdict> out = new ArrayList<>();
        List<Comparison> all = compare(results, forks);
        for (Pair pair : PAIRS) {
            List<Comparison> cs = all.stream().filter(c -> c.pair() == pair).toList();
            if (cs.isEmpty()) {
                continue;
            }
            int met = 0;
            int missed = 0;
            Comparison worst = cs.get(0);
            for (Comparison c : cs) {
                switch (c.verdict()) {
                    case MET -> met++;
                    case MISSED -> missed++;
                    default -> { }
                }
                if (c.estimate() > worst.estimate()) {
                    worst = c;
                }
            }
            String status = missed > 0 ? "missed" : met == cs.size() ? "met" : "undecided";
            String measure = String.format(Locale.ROOT, "%d cells: %d met, %d missed, %d undecided; worst %s %s",
                cs.size(), met, missed, cs.size() - met - missed, worst.cell(), ratio(worst));
            out.add(new Goals.Verdict("our " + pair.model() + " model vs native Go (" + pair.nativeImpl().label()
                + "), long keys", pair.model() + " with " + pair.hasher(), pair.nativeImpl().label() + "/"
                + pair.nativeHash(), measure, "time ratio <= 1.0 on every cell", status));
        }
        return out;
    }

    private static String ratio(Comparison c) {
        return c.interval().map(Goals::intervalMeasure).orElse(String.format(Locale.ROOT, "%.2fx", c.estimate()));
    }

    /** The header of {@link #tableRows}. */
    public static final List<String> TABLE_HEADER = List.of("model / hasher", "native", "cell", "ours", "ours ns",
        "Go ns", "ratio", "verdict (<= 1.0)");

    /** The rows of the "Java models against real Go" table, one per pair and cell (none when the run has none). */
    public static List<List<String>> tableRows(List<ArchiveRows.Result> results, ForkScores forks) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : compare(results, forks)) {
            rows.add(List.of(c.pair().model() + " / " + c.pair().hasher(), c.pair().nativeImpl().label() + " / "
                + c.pair().nativeHash(), c.cell(), c.java().impl(), two(c.java().score()),
                two(c.nativeRow().score()), ratio(c), c.verdict().label()));
        }
        return rows;
    }

    /** What the table shows, for the paragraph above it. */
    public static final String EXPLANATION = "Our fastest configuration of each model with a hasher against Go's own"
        + " map of the same generation with the matching hash (classic: native-go119; Swiss: native-go127; `go`"
        + " against `fallback`, `aes` against `aeshash`), long keys. Ratio: our time / Go's time (below 1: ours is"
        + " faster), with its 95 % interval over the forks.";

    /**
     * The section "Java models against real Go": per pair and cell, both times, our time over
     * native Go's with its interval, and the verdict. Empty when the run has no such pair.
     */
    public static String markdown(List<ArchiveRows.Result> results, ForkScores forks) {
        List<List<String>> rows = tableRows(results, forks);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Java models against real Go\n\n").append(EXPLANATION).append("\n\n");
        sb.append("| ").append(String.join(" | ", TABLE_HEADER)).append(" |\n");
        sb.append("|---|---|---|---|---:|---:|---|---|\n");
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    private static String two(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.2f", d);
    }
}
