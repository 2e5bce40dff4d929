/**
 * {@code hbench compare}: has anything changed between two archived runs, or against the last N
 * comparable ones?
 *
 * <p>{@link org.hmaplab.harness.compare.RunResults} reads a run (through the archive package's
 * reader) as {@link org.hmaplab.harness.compare.Cell}s; {@link org.hmaplab.harness.compare.RunComparer}
 * pairs the cells two runs have in common and gives each a
 * {@link org.hmaplab.harness.compare.Verdict}: with per-fork data, the time ratio new/old with its
 * 95 % interval over forks, improved or regressed only when the interval decides it (the same
 * statistics as {@code hbench goals}); without it, the older rules of
 * {@link org.hmaplab.harness.compare.VerdictRules} over JMH's errors.
 * {@link org.hmaplab.harness.compare.HistoryWindow} finds the past runs of the same kind, profile
 * and machine ({@link org.hmaplab.harness.compare.Environment}), whose median is the baseline a
 * nightly publisher compares with. {@link org.hmaplab.harness.compare.CompareMarkdown} prints the
 * table and {@link org.hmaplab.harness.compare.BenchmarkExport} writes the JSON that
 * continuous-benchmarking tools (github-action-benchmark, Bencher) read.
 */
package org.hmaplab.harness.compare;
