package org.hmaplab.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares every cell the base and the new run have in common, pairwise and (when past runs are
 * given) against the window of past runs; see {@link VerdictRules} for the rules.
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
        final List<CellComparison> out = new ArrayList<>();
        final List<Cell> onlyBase = new ArrayList<>();
        final List<Cell> onlyNew = new ArrayList<>();
        for (Cell c : current.cells().values()) {
            final Cell b = base.cells().get(c.key());
            if (b == null) {
                onlyNew.add(c);
                continue;
            }
            final VerdictRules.Decision pair = VerdictRules.pairwise(b, c, thresholdPct);
            final List<Double> scores = new ArrayList<>();
            for (RunResults past : window) {
                final Cell p = past.cells().get(c.key());
                if (p != null && !Double.isNaN(p.score())) {
                    scores.add(p.score());
                }
            }
            if (scores.size() >= VerdictRules.MIN_WINDOW) {
                final VerdictRules.Decision w = VerdictRules.window(scores, c, k, thresholdPct);
                final double mean = VerdictRules.mean(scores);
                out.add(new CellComparison(b, c, pair.changePct(), w.verdict(),
                    w.reason() + " (pairwise: " + pair.verdict().words() + ")", scores.size(), mean,
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
