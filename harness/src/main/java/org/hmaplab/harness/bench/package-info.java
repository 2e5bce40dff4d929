/**
 * The JMH benchmarks: one class per operation family ({@link org.hmaplab.harness.bench.GetBench},
 * {@link org.hmaplab.harness.bench.PutBench}, {@link org.hmaplab.harness.bench.UpdateBench},
 * {@link org.hmaplab.harness.bench.ChurnBench}, {@link org.hmaplab.harness.bench.IterateBench},
 * {@link org.hmaplab.harness.bench.HasherBench}), with the implementation, hasher, key kind and size
 * as {@code @Param}s resolved through {@code baselines}' {@code MapRegistry}, so every choice
 * appears in the CSV. Keys and probe sequences are generated in setup from fixed seeds
 * ({@link org.hmaplab.harness.bench.KeySets}, {@link org.hmaplab.harness.bench.ProbePlan}): the timed
 * loops only read arrays, every result is consumed, and {@link org.hmaplab.harness.bench.BaselineBench}
 * runs the same loop without a map so the harness's own cost is visible, and
 * {@link org.hmaplab.harness.bench.LimitBench} the same loop with one (two) independent random loads
 * per probe from a table-sized array, the memory floor a lookup's time is read against. The native-Go cells
 * (package {@code nativego}) replay the same keys and probes on Go's runtime maps.
 */
package org.hmaplab.harness.bench;
