package org.hmaplab.harness.compare;

/**
 * One cell of the new run compared with the base run and, optionally, with a window of past runs.
 *
 * @param base          the cell in the base run
 * @param current       the cell in the new run
 * @param changePct     (new - base) / base * 100: the raw change of the score
 * @param verdict       the final verdict (the window's when a window was used, else the pairwise one)
 * @param reason        why, in words ("confidence intervals overlap", "-31.2 % beyond 5 % threshold", ...)
 * @param windowRuns    how many past runs the window held for this cell (0 when none was used)
 * @param windowMean    the window's mean score (NaN when none)
 * @param windowStdDev  the window's sample standard deviation (NaN when none)
 */
public record CellComparison(Cell base, Cell current, double changePct, Verdict verdict, String reason,
                             int windowRuns, double windowMean, double windowStdDev) {
}
