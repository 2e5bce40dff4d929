package org.hmaplab.harness.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts for reports, made with XChart and saved as PNG and SVG (XChart's SVG back end is
 * VectorGraphics2D). Sized and lettered to stay readable when printed: 1000 x 600 pixels, 17 pt
 * title (14 pt when long), 15 pt axis titles, 13 pt ticks and legend, a marker on every point.
 */
public final class ChartWriter {

    /** Chart width in pixels. */
    public static final int WIDTH = 1000;
    /** Chart height in pixels. */
    public static final int HEIGHT = 600;

    /** Dark, distinguishable colours (Tableau 10) that stay visible in print, unlike XChart's pale defaults. */
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};

    private ChartWriter() {
    }

    /**
     * One line of a chart.
     *
     * @param name   legend text
     * @param x      x values
     * @param y      y values
     * @param errors y error half-widths, or null for none
     */
    public record Series(String name, double[] x, double[] y, double[] errors) {
    }

    /**
     * Builds the chart.
     *
     * @param logX a logarithmic x axis
     * @param logY a logarithmic y axis
     */
    public static XYChart chart(String title, String xTitle, String yTitle, List<Series> series,
                                boolean logX, boolean logY) {
        System.setProperty("java.awt.headless", "true");
        final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
            .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        final var st = chart.getStyler();
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, title.length() > 80 ? 14 : 17));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        st.setMarkerSize(7);
        st.setErrorBarsColorSeriesColor(true);
        st.setSeriesColors(PALETTE);
        st.setXAxisLogarithmic(logX);
        if (logX) {
            st.setXAxisDecimalPattern("#,###");
        }
        st.setYAxisLogarithmic(logY);
        boolean anyError = false;
        final java.util.Set<String> used = new java.util.HashSet<>();
        for (Series s : series) {
            // XChart refuses two series of one name (e.g. one harness timer row per measured map): number them
            String name = s.name();
            for (int i = 2; !used.add(name); i++) {
                name = s.name() + " (" + i + ")";
            }
            final XYSeries xy = s.errors() == null ? chart.addSeries(name, s.x(), s.y())
                : chart.addSeries(name, s.x(), s.y(), s.errors());
            xy.setMarker(SeriesMarkers.CIRCLE);
            anyError |= s.errors() != null;
        }
        if (anyError && !logY) {
            st.setYAxisMin(0.0);
        }
        return chart;
    }

    /** Saves the chart as {@code dir/base.png} and {@code dir/base.svg}. */
    public static void save(XYChart chart, Path dir, String base) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(base + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(base + ".svg").toString(),
            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
