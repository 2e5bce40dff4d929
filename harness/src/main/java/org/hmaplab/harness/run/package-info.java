/**
 * {@code hbench run}: from a profile to an archived bench run.
 *
 * <p>The flow is one straight line. A {@link org.hmaplab.harness.run.Profile} names the timings
 * and the matrix; {@link org.hmaplab.harness.run.MatrixBuilder} turns it into an ordered list of
 * {@link org.hmaplab.harness.run.Cell}s, applies {@code --impl}, {@code --hasher}, {@code --sizes}
 * and {@code --include}, and cuts shards; {@link org.hmaplab.harness.run.BenchRun} runs the
 * cells round after round ({@code --rounds R}, each round in a fresh seeded order, so a slow drift
 * of the machine hits every implementation alike); {@link org.hmaplab.harness.run.CellRunner}
 * runs one cell: a JMH run through JMH's Java API, or a child JVM for the two probes that JMH
 * cannot express ({@link org.hmaplab.harness.run.InsertLatencyProbe}, the latency of every single
 * insert in an HdrHistogram; {@link org.hmaplab.harness.run.MemoryProbe}, bytes per entry with
 * JOL). {@link org.hmaplab.harness.run.JmhPool} pools a cell's rounds into one JMH result whose
 * forks are the sample the statistics work on; {@link org.hmaplab.harness.run.ResultsCsv} derives
 * {@code results.csv} from it, and the archive package writes the folder.
 *
 * <p>What a run concludes is computed from the archive, never kept beside it:
 * {@link org.hmaplab.harness.run.Summary} (every score and its ratio to the best peer, the A/A
 * noise floor), {@link org.hmaplab.harness.run.Goals}, {@link org.hmaplab.harness.run.HasherGoals}
 * and {@link org.hmaplab.harness.run.NativeGoals} (the performance goals, each a ratio with its
 * 95 % interval over forks and a four-way verdict from {@code org.hmaplab.harness.stats}).
 * {@link org.hmaplab.harness.run.Duet} plans the duet study (two forks at once, one per core).
 * {@link org.hmaplab.harness.run.Estimate} gives the plan's rough durations and
 * {@link org.hmaplab.harness.run.PerfCheck} says whether hardware counters work here.
 */
package org.hmaplab.harness.run;
