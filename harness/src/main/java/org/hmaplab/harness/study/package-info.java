/**
 * Research studies, each one command ({@code hbench study NAME}) that computes or measures one
 * question and files its CSVs and a Markdown report as an archive of kind {@code study-NAME}:
 * Go's load-factor table reproduced ({@link org.hmaplab.harness.study.GoLoadFactorStudy}), what
 * the tophash byte saves ({@link org.hmaplab.harness.study.TophashFilterStudy}), bucket layout and
 * bytes per entry ({@link org.hmaplab.harness.study.BucketLayoutStudy}), collision rates of composite
 * keys ({@link org.hmaplab.harness.study.CollisionRateStudy}), the cost of growth
 * ({@link org.hmaplab.harness.study.GrowthCostStudy}), hash flooding
 * ({@link org.hmaplab.harness.study.HashFloodingStudy}), tombstone churn in the Swiss map by Go
 * version ({@link org.hmaplab.harness.study.SwissTombstonesStudy}), the Swiss map against the
 * classic one, in our models and in real Go 1.24
 * ({@link org.hmaplab.harness.study.ClassicVsSwissStudy}), and bytes per entry over a log-uniform
 * size sweep ({@link org.hmaplab.harness.study.MemorySweepStudy}).
 * {@link org.hmaplab.harness.cli.StudyCommand} lists them.
 */
package org.hmaplab.harness.study;
