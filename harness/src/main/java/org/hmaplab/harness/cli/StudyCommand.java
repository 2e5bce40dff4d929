package org.hmaplab.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.study.BucketLayoutStudy;
import org.hmaplab.harness.study.ClassicVsSwissStudy;
import org.hmaplab.harness.study.CollisionRateStudy;
import org.hmaplab.harness.study.GoLoadFactorStudy;
import org.hmaplab.harness.study.GrowthCostStudy;
import org.hmaplab.harness.study.HashFloodingStudy;
import org.hmaplab.harness.study.MemorySweepStudy;
import org.hmaplab.harness.study.Study;
import org.hmaplab.harness.study.StudyContext;
import org.hmaplab.harness.study.SwissTombstonesStudy;
import org.hmaplab.harness.study.TophashFilterStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench study NAME [--quick]}: runs one study into a new archive folder
 * {@code results/<runId>/} of kind {@code study-NAME}, holding the study's CSV files and its
 * {@code report.md}.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = {"Runs a study into an archive folder (kind study-NAME) with its CSV files and report.md.",
        "Studies: bucket-layout, collision-rate, go-load-factor, hash-flooding, tophash-filter, growth-cost,",
        "swiss-tombstones, classic-vs-swiss, memory-sweep."})
public final class StudyCommand implements Callable<Integer> {

    /** The report section's file name in the archive. */
    public static final String REPORT_MD = "report.md";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the study: ${COMPLETION-CANDIDATES}",
        completionCandidates = StudyNames.class)
    private String name;

    @Option(names = "--quick", description = "a small, fast version of the study")
    private boolean quick;

    @Option(names = "--results", paramLabel = "DIR", description = "results folder (default: the project's results/)")
    private Path resultsDir;

    /** Every study, in listing order. */
    public static List<Study> studies() {
        return List.of(new BucketLayoutStudy(), new CollisionRateStudy(), new GoLoadFactorStudy(),
            new HashFloodingStudy(), new TophashFilterStudy(), new GrowthCostStudy(), new SwissTombstonesStudy(),
            new ClassicVsSwissStudy(), new MemorySweepStudy());
    }

    /** The study called {@code name}; unknown names: an error listing the valid ones. */
    public static Study byName(String name) {
        return studies().stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown study '" + name + "'; valid: "
                + String.join(", ", studies().stream().map(Study::name).toList())));
    }

    /** Completion candidates for picocli. */
    static final class StudyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return studies().stream().map(Study::name).iterator();
        }
    }

    @Override
    public Integer call() {
        final Study study;
        try {
            study = byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        final Path dir = run(study, resultsDir != null ? resultsDir : RunArchive.defaultResultsDir(), quick,
            spec.commandLine().getOut());
        spec.commandLine().getOut().println("study " + study.name() + " archived in " + dir);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Runs the study into a committed archive folder under {@code results}; returns the folder. */
    public static Path run(Study study, Path results, boolean quick, PrintWriter log) {
        final RunMetadata meta = RunMetadata.collect("study-" + study.name(), quick ? "quick" : "full",
            Map.of("study", study.name()));
        try (RunArchive archive = RunArchive.begin(results, meta)) {
            final StudyContext ctx = StudyContext.of(archive.dir(), quick, log);
            final String md = study.run(ctx);
            Files.writeString(archive.file(REPORT_MD), md, StandardCharsets.UTF_8);
            RunMetadata done = meta;
            for (Map.Entry<String, String> e : ctx.metadata().entrySet()) {
                done = done.with(e.getKey(), e.getValue());
            }
            final Map<String, String> index = new LinkedHashMap<>();
            index.put("study", study.name());
            return archive.commit(done, index);
        } catch (IOException e) {
            throw new UncheckedIOException("study " + study.name() + " failed: " + e.getMessage(), e);
        }
    }
}
