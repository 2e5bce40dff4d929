package org.hmaplab.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hmaplab.harness.report.Block;
import org.hmaplab.harness.report.HtmlRenderer;
import org.hmaplab.harness.report.MarkdownRenderer;
import org.hmaplab.harness.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench report RUN_DIR... [--out DIR]}: writes {@code report.md}, a self-contained
 * {@code report.html} and {@code charts/*.png|svg} for one or more archived runs.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes report.md, a self-contained report.html and charts (PNG and SVG) for archived runs:",
        "environment (with a warning when runs differ), per operation a table of implementations x sizes",
        "and a chart, hasher throughput, insert-latency percentiles, bytes per entry."})
public final class ReportCommand implements Callable<Integer> {

    /** The Markdown report's file name. */
    public static final String REPORT_MD = "report.md";
    /** The HTML report's file name. */
    public static final String REPORT_HTML = "report.html";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "archived run folders (results/<runId>)")
    private List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR",
        description = "output folder (default: the run folder when there is one run; required for several)")
    private Path out;

    @Override
    public Integer call() {
        try {
            final Path dir = out != null ? out : defaultOut();
            final List<Path> files = write(runDirs, dir);
            files.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read or write: " + e, e);
        }
    }

    private Path defaultOut() {
        if (runDirs.size() != 1) {
            throw new IllegalArgumentException("--out DIR is required when reporting on " + runDirs.size() + " runs");
        }
        return runDirs.get(0);
    }

    /** Writes the report for the runs into {@code dir}; returns the Markdown and HTML files. */
    public static List<Path> write(List<Path> runDirs, Path dir) throws IOException {
        final List<ReportBuilder.Run> runs = new ArrayList<>();
        for (Path p : runDirs) {
            runs.add(ReportBuilder.Run.read(p));
        }
        Files.createDirectories(dir);
        final List<Block> blocks = ReportBuilder.build(runs, dir);
        final Path md = dir.resolve(REPORT_MD);
        final Path html = dir.resolve(REPORT_HTML);
        Files.writeString(md, MarkdownRenderer.render(blocks), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlRenderer.render("hbench report", blocks, dir), StandardCharsets.UTF_8);
        return List.of(md, html);
    }
}
