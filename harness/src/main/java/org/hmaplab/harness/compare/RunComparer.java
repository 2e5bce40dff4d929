package org.hmaplab.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hmaplab.harness.run.Goals;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;

/**
 * Compares every cell the base and the new run have in common, pairwise and (when past runs are
 * given) against the window of past runs. With the runs' per-fork data ({@code jmh-result.json})
 * every verdict is the one {@code hbench goals} uses: the 95 % interval over forks of the time
 * ratio new/old ({@link Ratios}, Fieller's), improved or regressed only when the interval decides
 * it and leaves the equivalence band of the threshold, else no change; against a window the
 * baseline is the window's median run for the cell. Archives without per-fork data fall back to
 * {@link VerdictRules} (JMH's errors; the window's mean and spread). {@code hbench compare} exits 1
 * only on a decided regression.
 *
 * @param thresholdPct the relative change, in percent, below which nothing counts as a change
 * @param k            the window band's half-width in standard deviations
 */
public record RunComparer(double thresholdPct, double k) {

    public RunComparer {
        if (!(thresholdPct >= 0) || Double.isInfinite(thresholdPct)) {
            throw new IllegalArgumentException("threshold must be a percentage >= 0, got " + thresholdPct);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k (standard deviations of the window band) must be > 0, got " + k);
        }
    }

    /**
     * The comparison of every shared cell, in the new run's order.
     *
     * @param window past runs, oldest first (may be empty)
     */
    public Result compare(RunResults base, RunResults current, List<RunResults> window) {
        final ForkScores baseForks = ForkScores.read(base.dir());
        final ForkScores currentForks = ForkScores.read(current.dir());
        final List<ForkScores> windowForks = window.stream().map(r -> ForkScores.read(r.dir())).toList();
        final List<CellComparison> out = new ArrayList<>();
        final List<Cell> onlyBase = new ArrayList<>();
        final List<Cell> onlyNew = new ArrayList<>();
        for (Cell c : current.cells().values()) {
            final Cell b = base.cells().get(c.key());
            if (b == null) {
                onlyNew.add(c);
                continue;
            }
            final VerdictRules.Decision pair = decide(b, baseForks, c, currentForks);
            final List<Double> scores = new ArrayList<>();
            Cell medianCell = null;
            ForkScores medianForks = null;
            final List<Cell> pastCells = new ArrayList<>();
            final List<ForkScores> pastForks = new ArrayList<>();
            for (int i = 0; i < window.size(); i++) {
                final Cell p = window.get(i).cells().get(c.key());
                if (p != null && !Double.isNaN(p.score())) {
                    scores.add(p.score());
                    pastCells.add(p);
                    pastForks.add(windowForks.get(i));
                }
            }
            if (scores.size() >= VerdictRules.MIN_WINDOW) {
                // the baseline is the window's median run for this cell (the lower median for an even count)
                final List<Integer> order = new ArrayList<>();
                for (int i = 0; i < pastCells.size(); i++) {
                    order.add(i);
                }
                order.sort((x, y) -> Double.compare(pastCells.get(x).score(), pastCells.get(y).score()));
                final int median = order.get((order.size() - 1) / 2);
                medianCell = pastCells.get(median);
                medianForks = pastForks.get(median);
                final double mean = VerdictRules.mean(scores);
                final VerdictRules.Decision w;
                final String basis;
                if (hasForks(medianCell, medianForks) && hasForks(c, currentForks)) {
                    w = decide(medianCell, medianForks, c, currentForks);
                    basis = "against the median of " + scores.size() + " past runs (" + median(window, medianCell)
                        + "): ";
                } else {
                    // archives without per-fork data: the window's mean and spread, as before
                    w = VerdictRules.window(scores, c, k, thresholdPct);
                    basis = "";
                }
                out.add(new CellComparison(b, c, pair.changePct(), w.verdict(),
                    basis + w.reason() + " (pairwise: " + pair.verdict().words() + ")", scores.size(), mean,
                    VerdictRules.stdDev(scores, mean)));
            } else {
                final String note = window.isEmpty() ? "" : " (window too short: " + scores.size() + " runs)";
                out.add(new CellComparison(b, c, pair.changePct(), pair.verdict(), pair.reason() + note,
                    scores.size(), Double.NaN, Double.NaN));
            }
        }
        for (Map.Entry<String, Cell> e : base.cells().entrySet()) {
            if (!current.cells().containsKey(e.getKey())) {
                onlyBase.add(e.getValue());
            }
        }
        return new Result(List.copyOf(out), List.copyOf(onlyBase), List.copyOf(onlyNew));
    }

    /**
     * One cell against a baseline cell: with both runs' per-fork data, the verdict of the time
     * ratio's interval over forks ({@link Ratios#of}, 95 %; the threshold is the equivalence band):
     * improved or regressed only when the interval decides it; without it, JMH's errors
     * ({@link VerdictRules#pairwise}).
     */
    VerdictRules.Decision decide(Cell before, ForkScores beforeForks, Cell now, ForkScores nowForks) {
        final Optional<ForkScores.Sample> n = sample(now, nowForks);
        final Optional<ForkScores.Sample> b = sample(before, beforeForks);
        final Optional<RatioInterval> ci = n.isEmpty() || b.isEmpty() ? Optional.empty()
            : n.get().ratioTo(b.get(), Ratios.DEFAULT_CONFIDENCE);
        if (ci.isEmpty()) {
            return VerdictRules.pairwise(before, now, thresholdPct);
        }
        final RatioInterval r = ci.get();
        final double change = VerdictRules.changePct(before.score(), now.score());
        final org.hmaplab.harness.stats.Verdict v = org.hmaplab.harness.stats.Verdict.of(r, Math.min(0.99,
            thresholdPct / 100));
        final boolean lowerIsBetter = now.direction() != Direction.HIGHER_IS_BETTER;
        final Verdict verdict = switch (v) {
            case FASTER -> lowerIsBetter ? Verdict.IMPROVED : Verdict.REGRESSED;
            case SLOWER -> lowerIsBetter ? Verdict.REGRESSED : Verdict.IMPROVED;
            default -> Verdict.NO_CHANGE;
        };
        return new VerdictRules.Decision(verdict, change, String.format(Locale.ROOT,
            "new/old %s, %s (band +/- %.1f%%)", Goals.intervalMeasure(r), v.label(), thresholdPct));
    }

    private static boolean hasForks(Cell c, ForkScores forks) {
        return sample(c, forks).isPresent();
    }

    private static String median(List<RunResults> window, Cell medianCell) {
        for (RunResults r : window) {
            if (r.cells().get(medianCell.key()) == medianCell) {
                return r.label();
            }
        }
        return "?";
    }

    /** A cell's per-fork sample, looked up by its benchmark and params. */
    private static Optional<ForkScores.Sample> sample(Cell c, ForkScores forks) {
        return forks.of(c.benchmark(), c.columns().getOrDefault("params", ""));
    }

    /**
     * The comparison.
     *
     * @param cells    the shared cells
     * @param onlyBase cells the new run lacks
     * @param onlyNew  cells the base run lacks
     */
    public record Result(List<CellComparison> cells, List<Cell> onlyBase, List<Cell> onlyNew) {

        /** The number of cells with the given verdict. */
        public long count(Verdict v) {
            return cells.stream().filter(c -> c.verdict() == v).count();
        }

        /** True when any cell regressed. */
        public boolean anyRegression() {
            return count(Verdict.REGRESSED) > 0;
        }
    }
}
