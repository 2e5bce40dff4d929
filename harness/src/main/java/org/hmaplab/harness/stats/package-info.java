/**
 * The statistics behind every ratio the harness reports: the fork is the unit of analysis.
 *
 * <ul>
 *   <li>{@link org.hmaplab.harness.stats.Ratios}: the ratio of two implementations' mean times
 *       with a confidence interval over their fork means (Fieller's by default, a seeded bootstrap
 *       on request), as a {@link org.hmaplab.harness.stats.RatioInterval};</li>
 *   <li>{@link org.hmaplab.harness.stats.Verdict}: faster, slower, no difference (the interval
 *       inside an equivalence band) or undecided; {@link org.hmaplab.harness.stats.GoalVerdict}:
 *       a goal met or missed only when the whole interval says so;</li>
 *   <li>{@link org.hmaplab.harness.stats.NoiseFloor}: the A/A control of a run and the noisy-run flag;</li>
 *   <li>{@link org.hmaplab.harness.stats.RoundPlan}: the seeded order of interleaved rounds;</li>
 *   <li>{@link org.hmaplab.harness.stats.MachineState}: load, CPU steal, transparent huge pages and
 *       governor at the start and the end of a run.</li>
 * </ul>
 * The method, and the coverage measured by simulation, are in {@code docs/statistics.md}.
 */
package org.hmaplab.harness.stats;
