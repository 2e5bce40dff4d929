package org.hmaplab.harness.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.compare.Cell;
import org.hmaplab.harness.compare.RunResults;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;
import org.hmaplab.harness.stats.Verdict;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Every implementation's time as a ratio to a reference of the same cell and run, with its 95 %
 * interval over forks ({@link Ratios}): the numbers a paper quotes. The reference of a cell (an
 * operation, key kind, size, distribution and hit ratio) is its fastest peer; a cell without a
 * peer is left out. The ratios come out three ways: a chart per key kind (log y axis, one column
 * of points per cell, each implementation's ratio as a dot with its interval as a vertical bar and
 * its forks' ratios as small diamonds beside it), {@code ratios.csv}, and {@code ratios.tex}
 * (a booktabs table ready to paste into LaTeX).
 */
final class RatioReport {
    /** Where the CSV of ratios goes in the report folder. */
    static final String RATIOS_CSV = "ratios.csv";
    /** Where the LaTeX table goes in the report folder. */
    static final String RATIOS_TEX = "ratios.tex";
    /** The columns of {@link #RATIOS_CSV}. */
    static final List<String> CSV_COLUMNS = List.of("run", "operation", "key_kind", "size", "distribution",
        "hit_ratio", "impl", "hasher", "reference", "ratio", "low", "high", "confidence", "method", "samples_impl",
        "samples_reference", "verdict");
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    /** How far the dots of one cell spread sideways, in cell widths. */
    private static final double SPREAD = 0.7;

    private RatioReport() {
    }

    /** One implementation's ratio in one cell. */
    record Entry(String run, String keyKind, String cellLabel, Map<String, String> columns, String reference,
                 RatioInterval interval, double[] forkRatios) {
        String series() {
            String hasher = columns.getOrDefault("hasher", "");
            return columns.get("impl") + (hasher.isEmpty() || hasher.equals("none") ? "" : "/" + hasher);
        }
    }

    /** The ratios of one run: every implementation against its cell's fastest peer. */
    static List<Entry> entries(RunResults run) {
        ForkScores forks = ForkScores.read(run.dir());
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell c : run.cells().values()) {
            Map<String, String> col = c.columns();
            String impl = col.getOrDefault("impl", "");
            if (impl.isEmpty() || impl.equals("baseline") || col.getOrDefault("size", "").isEmpty()) {
                continue;
            }
            String key = String.join("|", col.getOrDefault("operation", ""), col.getOrDefault("key_kind", ""),
                col.getOrDefault("size", ""), col.getOrDefault("distribution", ""), col.getOrDefault("hit_ratio", ""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Entry> out = new ArrayList<>();
        for (List<Cell> g : groups.values()) {
            Cell ref = null;
            for (Cell c : g) {
                if (MapRegistry.isPeer(c.columns().get("impl")) && (ref == null || c.score() < ref.score())) {
                    ref = c;
                }
            }
            if (ref == null) {
                continue;
            }
            Optional<ForkScores.Sample> refSample = forks.of(ref.benchmark(), ref.columns().getOrDefault("params", ""));
            for (Cell c : g) {
                if (c == ref) {
                    continue;
                }
                Optional<ForkScores.Sample> s = forks.of(c.benchmark(), c.columns().getOrDefault("params", ""));
                Optional<RatioInterval> interval = s.isEmpty() || refSample.isEmpty() ? Optional.empty()
                    : s.get().ratioTo(refSample.get(), Ratios.DEFAULT_CONFIDENCE);
                if (interval.isEmpty()) {
                    continue;
                }
                RatioInterval ci = interval.get();
                double refMean = mean(refSample.get().forkMeans());
                double[] forkRatios = new double[s.get().forks()];
                for (int i = 0; i < forkRatios.length; i++) {
                    forkRatios[i] = s.get().forkMeans()[i] / refMean;
                }
                Map<String, String> col = c.columns();
                String label = col.getOrDefault("operation", "") + " " + sizeText(col.getOrDefault("size", ""))
                    + (col.getOrDefault("distribution", "uniform").equals("zipf") ? " zipf" : "");
                out.add(new Entry(run.label(), col.getOrDefault("key_kind", ""), label, col,
                    ref.columns().get("impl"), ci, forkRatios));
            }
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** {@code 1024} as {@code 1K}, {@code 4194304} as {@code 4M}. */
    static String sizeText(String size) {
        try {
            long n = Long.parseLong(size);
            if (n >= 1 << 20 && n % (1 << 20) == 0) {
                return (n >> 20) + "M";
            }
            if (n >= 1 << 10 && n % (1 << 10) == 0) {
                return (n >> 10) + "K";
            }
            return size;
        } catch (NumberFormatException e) {
            return size;
        }
    }

    /**
     * The ratio chart of one key kind's entries. The y axis is logarithmic: it plots log2 of the
     * ratio on a linear axis whose tick labels are written as ratios (0.5, 0.71, 1, 1.41, 2, ...), so
     * that halving and doubling are the same distance and every tick is labelled. Each cell is a
     * column named under the plot.
     */
    static XYChart chart(String title, List<Entry> entries) {
        System.setProperty("java.awt.headless", "true");
        List<String> cells = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (Entry e : entries) {
            if (!cells.contains(e.cellLabel())) {
                cells.add(e.cellLabel());
            }
            if (!series.contains(e.series())) {
                series.add(e.series());
            }
        }
        XYChart chart = new XYChartBuilder().width(Math.max(ChartWriter.WIDTH, 110 * cells.size() + 320))
            .height(ChartWriter.HEIGHT).title(title).xAxisTitle(" ")
            .yAxisTitle("time / fastest peer's time (log scale; below 1 is faster)").build();
        var st = chart.getStyler();
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, title.length() > 80 ? 14 : 17));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        st.setXAxisMin(0.4);
        st.setXAxisMax(cells.size() + 0.6);
        st.setXAxisTicksVisible(false);
        st.setYAxisTickLabelsFormattingFunction(y -> {
            double r = Math.pow(2, y);
            return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r);
        });
        double lo = 0;
        double hi = 0;
        for (Entry e : entries) {
            lo = Math.min(lo, log2(Math.min(e.interval().estimate(), min(e.forkRatios()))));
            hi = Math.max(hi, log2(Math.max(e.interval().estimate(), max(e.forkRatios()))));
            if (e.interval().bounded() && e.interval().low() > 0) {
                lo = Math.min(lo, log2(e.interval().low()));
                hi = Math.max(hi, log2(e.interval().high()));
            }
        }
        double pad = Math.max(0.15, (hi - lo) * 0.06);
        double yMin = lo - 2.5 * pad;
        double yMax = hi + pad;
        st.setYAxisMin(yMin);
        st.setYAxisMax(yMax);
        // the reference line at 1 (log2 = 0) and the cells' names under their columns
        XYSeries one = chart.addSeries("1 = fastest peer", new double[] {0.4, cells.size() + 0.6},
            new double[] {0, 0});
        one.setMarker(SeriesMarkers.NONE);
        one.setLineColor(Color.GRAY);
        one.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
            0));
        for (int i = 0; i < cells.size(); i++) {
            chart.addAnnotation(new AnnotationText(cells.get(i), i + 1, yMin + pad, false));
        }
        for (int si = 0; si < series.size(); si++) {
            String name = series.get(si);
            Color color = PALETTE[si % PALETTE.length];
            double offset = series.size() == 1 ? 0 : -SPREAD / 2 + SPREAD * si / (series.size() - 1);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            int bar = 0;
            for (Entry e : entries) {
                if (!e.series().equals(name)) {
                    continue;
                }
                double x = cells.indexOf(e.cellLabel()) + 1 + offset;
                xs.add(x);
                ys.add(log2(e.interval().estimate()));
                for (double f : e.forkRatios()) {
                    fx.add(x + 0.05);
                    fy.add(log2(f));
                }
                RatioInterval ci = e.interval();
                double barLow = ci.bounded() && ci.low() > 0 ? log2(ci.low()) : yMin;
                double barHigh = ci.bounded() ? log2(ci.high()) : yMax;
                XYSeries b = chart.addSeries(name + " interval " + (++bar), new double[] {x, x},
                    new double[] {barLow, barHigh});
                b.setMarker(SeriesMarkers.NONE);
                b.setLineColor(color);
                b.setLineStyle(ci.bounded() ? new BasicStroke(2.5f) : new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10, new float[] {3, 3}, 0));
                b.setShowInLegend(false);
            }
            XYSeries dots = chart.addSeries(name, xs, ys);
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(color);
            if (!fx.isEmpty()) {
                XYSeries f = chart.addSeries(name + " forks", fx, fy);
                f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                f.setMarker(SeriesMarkers.DIAMOND);
                f.setMarkerColor(color.brighter());
                f.setShowInLegend(false);
            }
        }
        st.setMarkerSize(8);
        return chart;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Writes {@link #RATIOS_CSV}. */
    static void writeCsv(Path file, List<Entry> entries) {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
            CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Entry e : entries) {
                RatioInterval ci = e.interval();
                Map<String, String> c = e.columns();
                p.printRecord(e.run(), c.get("operation"), e.keyKind(), c.get("size"),
                    c.getOrDefault("distribution", ""), c.getOrDefault("hit_ratio", ""), c.get("impl"),
                    c.getOrDefault("hasher", ""), e.reference(), num(ci.estimate()), num(ci.low()), num(ci.high()),
                    num(ci.confidence()), ci.method().label(), ci.nA(), ci.nB(),
                    Verdict.of(ci, Verdict.DEFAULT_BAND).label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "inf";
    }

    /** The LaTeX booktabs table of the entries: one row per implementation and cell. */
    static String latex(String caption, List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("% generated by hbench report; needs \\usepackage{booktabs}\n");
        sb.append("\\begin{table}\n  \\centering\n  \\caption{").append(escape(caption)).append("}\n");
        sb.append("  \\begin{tabular}{llllrl}\n    \\toprule\n");
        sb.append("    Key kind & Cell & Implementation & Reference & Ratio & 95\\,\\% interval \\\\\n    \\midrule\n");
        String lastKind = null;
        for (Entry e : entries) {
            if (lastKind != null && !lastKind.equals(e.keyKind())) {
                sb.append("    \\addlinespace\n");
            }
            lastKind = e.keyKind();
            RatioInterval ci = e.interval();
            String interval = ci.bounded() ? String.format(Locale.ROOT, "%.2f--%.2f", ci.low(), ci.high())
                : "unbounded";
            if (ci.method() == org.hmaplab.harness.stats.IntervalMethod.FIELLER_ITERATIONS) {
                interval += "$^{*}$";
            }
            sb.append("    ").append(String.join(" & ", escape(e.keyKind()), escape(e.cellLabel()),
                escape(e.series()), escape(e.reference()), String.format(Locale.ROOT, "%.2f", ci.estimate()), interval))
                .append(" \\\\\n");
        }
        sb.append("    \\bottomrule\n  \\end{tabular}\n");
        if (entries.stream().anyMatch(e -> e.interval().method()
            == org.hmaplab.harness.stats.IntervalMethod.FIELLER_ITERATIONS)) {
            sb.append("  \\par\\smallskip{\\footnotesize $^{*}$ one fork per side: the interval spans that fork's"
                + " iterations only, not the run-to-run spread.}\n");
        }
        return sb.append("\\end{table}\n").toString();
    }

    /** Escapes LaTeX's special characters. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
