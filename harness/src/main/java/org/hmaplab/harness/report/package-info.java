/**
 * {@code hbench report}: archived runs as something a reader would rather look at than read.
 *
 * <p>{@link org.hmaplab.harness.report.ReportBuilder} builds a report once, as a list of
 * {@link org.hmaplab.harness.report.Block}s (headings, paragraphs, tables, charts), and two
 * renderers write it: {@link org.hmaplab.harness.report.MarkdownRenderer} ({@code report.md}) and
 * {@link org.hmaplab.harness.report.HtmlRenderer} (one self-contained {@code report.html}), so the
 * two cannot drift apart. {@link org.hmaplab.harness.report.RatioReport} adds the numbers a paper
 * quotes: every implementation's time as a ratio to the best peer with its 95 % interval over
 * forks, as a log-axis chart per key kind with each fork's point beside its dot,
 * {@code ratios.csv} and a booktabs {@code ratios.tex}. {@link org.hmaplab.harness.report.ChartWriter}
 * draws every chart with XChart as PNG and SVG, sized to stay readable in print.
 */
package org.hmaplab.harness.report;
