package org.hmaplab.harness.compare;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown text of a comparison: summary line, environment differences, one table row per cell. */
public final class CompareMarkdown {

    private CompareMarkdown() {
    }

    /** Renders the comparison. */
    public static String render(RunResults base, RunResults current, List<RunResults> window,
                                RunComparer.Result result, double thresholdPct) {
        final StringBuilder sb = new StringBuilder();
        sb.append("# hbench compare\n\n");
        sb.append("- base: `").append(base.label()).append("`  new: `").append(current.label()).append("`\n");
        sb.append(String.format(Locale.ROOT, "- threshold: %.1f %%; cells compared: %d; improved: %d; regressed: %d;"
                + " no change: %d; only in base: %d; only in new: %d%n", thresholdPct, result.cells().size(),
            result.count(Verdict.IMPROVED), result.count(Verdict.REGRESSED), result.count(Verdict.NO_CHANGE),
            result.onlyBase().size(), result.onlyNew().size()));
        if (!window.isEmpty()) {
            sb.append("- window: ").append(window.size()).append(" past run(s): ");
            sb.append(String.join(", ", window.stream().map(RunResults::label).toList())).append('\n');
        }
        final Map<String, Map<String, String>> diff =
            Environment.differences(List.of(base, current), Environment.MACHINE_KEYS);
        if (!diff.isEmpty()) {
            sb.append("\n**Warning: the two runs ran in different environments; changes may not be the code's.**\n\n");
            diff.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        sb.append("\n| benchmark | mode | base | new | change | window mean +/- sd (n) | verdict | why |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (CellComparison c : result.cells()) {
            sb.append("| ").append(c.current().displayName().replace("|", "\\|"))
                .append(" | ").append(c.current().mode())
                .append(" | ").append(scoreText(c.base()))
                .append(" | ").append(scoreText(c.current()))
                .append(String.format(Locale.ROOT, " | %+.1f%%", c.changePct()))
                .append(" | ").append(c.windowRuns() >= VerdictRules.MIN_WINDOW
                    ? String.format(Locale.ROOT, "%.4g +/- %.2g (%d)", c.windowMean(), c.windowStdDev(), c.windowRuns())
                    : "-")
                .append(" | ").append(c.verdict() == Verdict.NO_CHANGE ? c.verdict().words()
                    : "**" + c.verdict().words() + "**")
                .append(" | ").append(c.reason()).append(" |\n");
        }
        return sb.toString();
    }

    private static String scoreText(Cell c) {
        return Double.isNaN(c.error())
            ? String.format(Locale.ROOT, "%.4g %s", c.score(), c.unit())
            : String.format(Locale.ROOT, "%.4g +/- %.2g %s", c.score(), c.error(), c.unit());
    }
}
