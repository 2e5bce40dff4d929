package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveWriter;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.bench.HasherChoice;
import org.hmaplab.harness.bench.KeySets;
import org.hmaplab.harness.nativego.GoToolchain;
import org.hmaplab.harness.nativego.GoToolchains;
import org.hmaplab.harness.nativego.NativeBenchBuild;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.hmaplab.harness.nativego.NativeGoRunner;
import org.hmaplab.harness.nativego.NativeHash;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.MachineState;
import org.hmaplab.harness.stats.NoiseFloor;
import org.hmaplab.harness.stats.Ratios;
import org.hmaplab.harness.stats.RoundPlan;
import org.hmaplab.harness.stats.Verdict;
import org.hmaplab.hash.Hashers;

/**
 * One bench run, from a {@link Request} to an archive: builds the benchmark matrix of a profile,
 * filters and shards it, runs every cell (JMH cells through JMH's Java API, one run each so
 * progress is known; latency and memory cells as child JVMs), round after round, and archives the
 * run through {@link RunArchive}: jmh-result.json, results.csv, latency.csv, memory.csv,
 * summary.md, jmh.log and metadata.json. Prints the plan first, one progress line per cell to
 * stderr, and the summary at the end. {@code hbench run} ({@code cli.RunCommand}) is its command
 * line; bad input is an IllegalArgumentException naming the option, which the command line prints
 * as one line with exit status 2.
 */
public final class BenchRun {

    /**
     * What to run, built with named calls ({@code Request.of("goals").rounds(4).include("^get-")}):
     * the profile, the filters and overrides, where to archive, and the rounds. A null list or
     * filter means the profile's own; a null {@code rounds} the profile's default.
     *
     * @param profile    the profile's name
     * @param include    keep only cells whose id contains a match of this regex
     * @param impls      implementations instead of the profile's
     * @param hashers    hashers of our maps and of the hasher-speed cells instead of the profile's
     * @param sizes      map sizes instead of the profile's, as given on the command line
     * @param shard      run only slice I of N, as {@code I/N}
     * @param out        the results root (null: the project's {@code results/})
     * @param perfnorm   ask for JMH's perfnorm profiler (used only if hardware counters work)
     * @param dryRun     print the planned cells and the estimate, run nothing
     * @param rounds     rounds of the whole matrix
     * @param roundsSeed the seed of the rounds' random orders
     */
    public record Request(String profile, String include, List<String> impls, List<String> hashers,
                          List<String> sizes, String shard, Path out, boolean perfnorm, boolean dryRun,
                          Integer rounds, long roundsSeed) {

        /** The seed of the rounds' order when none is given ("rounds" in ASCII). */
        public static final long DEFAULT_ROUNDS_SEED = 0x726f756e6473L;

        /** The whole matrix of {@code profile}, one shard, the profile's rounds, archived under results/. */
        public static Request of(String profile) {
            return new Request(profile, null, null, null, null, "1/1", null, false, false, null, DEFAULT_ROUNDS_SEED);
        }

        /** Keeps only the cells whose id contains a match of {@code regex} (null: all). */
        public Request include(String regex) {
            return new Request(profile, regex, impls, hashers, sizes, shard, out, perfnorm, dryRun, rounds, roundsSeed);
        }

        /** These implementations instead of the profile's (null: the profile's). */
        public Request impls(List<String> names) {
            return new Request(profile, include, names, hashers, sizes, shard, out, perfnorm, dryRun, rounds,
                roundsSeed);
        }

        /** These hashers instead of the profile's (null: the profile's). */
        public Request hashers(List<String> names) {
            return new Request(profile, include, impls, names, sizes, shard, out, perfnorm, dryRun, rounds,
                roundsSeed);
        }

        /** These map sizes instead of the profile's (null: the profile's). */
        public Request sizes(List<String> entries) {
            return new Request(profile, include, impls, hashers, entries, shard, out, perfnorm, dryRun, rounds,
                roundsSeed);
        }

        /** Only slice {@code iOfN} ({@code I/N}) of the matrix. */
        public Request shard(String iOfN) {
            return new Request(profile, include, impls, hashers, sizes, iOfN, out, perfnorm, dryRun, rounds,
                roundsSeed);
        }

        /** Archives under {@code resultsRoot} (null: the project's results/). */
        public Request out(Path resultsRoot) {
            return new Request(profile, include, impls, hashers, sizes, shard, resultsRoot, perfnorm, dryRun, rounds,
                roundsSeed);
        }

        /** Asks for JMH's perfnorm profiler when {@code on}. */
        public Request perfnorm(boolean on) {
            return new Request(profile, include, impls, hashers, sizes, shard, out, on, dryRun, rounds, roundsSeed);
        }

        /** Prints the plan and runs nothing when {@code on}. */
        public Request dryRun(boolean on) {
            return new Request(profile, include, impls, hashers, sizes, shard, out, perfnorm, on, rounds, roundsSeed);
        }

        /** {@code r} rounds (null: the profile's default), each in a fresh order drawn from {@code seed}. */
        public Request rounds(Integer r, long seed) {
            return new Request(profile, include, impls, hashers, sizes, shard, out, perfnorm, dryRun, r, seed);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchRun() {
    }

    /** The parsed and validated command line: what will run. */
    public record Plan(Profile profile, List<Cell> cells, int matrixSize, String shard, String include,
                List<String> impls, List<String> hashers, List<Integer> sizes) {
    }

    /** Validates the options and builds the plan; IllegalArgumentException naming the bad option. */
    public static Plan plan(String profileName, String include, List<String> impls, List<String> hashers,
                            List<String> sizes, String shard) {
        Profile profile = Profile.of(profileName);
        if (impls != null) {
            for (String i : impls) {
                if (!NativeGoImpl.isNative(i) && !MapRegistry.names().contains(i)) {
                    throw new IllegalArgumentException("unknown implementation '" + i + "'; valid: "
                        + String.join(", ", MapRegistry.names()) + ", " + String.join(", ", NativeGoImpl.labels()));
                }
            }
        }
        if (hashers != null) {
            for (String h : hashers) {
                if (!HasherChoice.names().contains(h) && NativeHash.of(h).isEmpty()) {
                    throw new IllegalArgumentException("unknown hasher '" + h + "'; valid: "
                        + String.join(", ", HasherChoice.names()) + "; for native Go: "
                        + String.join(", ", NativeHash.labels()));
                }
            }
        }
        List<Integer> sizeList = sizes == null ? null : parseSizes(sizes);
        int[] sh = parseShard(shard);
        Pattern pattern = null;
        if (include != null) {
            try {
                pattern = Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--include is not a valid regex: " + e.getMessage());
            }
        }
        String defaultHasher = Hashers.defaultSelection().hasherName();
        MatrixBuilder.Spec s = MatrixBuilder.spec(profile, defaultHasher);
        // our maps' hashers and native Go's hashes travel together in the spec's hasher list
        List<String> goHashers = hashers == null ? null
            : hashers.stream().filter(h -> Hashers.names().contains(h) || NativeHash.of(h).isPresent()).toList();
        s = MatrixBuilder.override(s, impls, hashers, sizeList);
        if (goHashers != null) {
            if (goHashers.stream().allMatch(h -> NativeHash.of(h).isPresent())) {
                goHashers = Stream.concat(Stream.of(defaultHasher), goHashers.stream()).toList();
            }
            s = s.toBuilder().goHashers(goHashers).build();
        }
        List<Cell> all = MatrixBuilder.cells(s, profile);
        List<Cell> cells = withAaControl(MatrixBuilder.shard(MatrixBuilder.include(all, pattern), sh[0], sh[1]));
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cell of profile " + profile.label() + " matches the filters"
                + (include == null ? "" : " (--include " + include + ")") + " in shard " + shard);
        }
        int controls = (int) cells.stream().filter(c -> MapRegistry.isAaControl(c.param("impl"))).count();
        return new Plan(profile, cells, all.size() + controls, sh[0] + "/" + sh[1], include, s.impls(),
            Stream.concat(s.goHashers().stream(), s.speedHashers().stream()).distinct().toList(),
            sizeList == null ? s.workloads().stream().flatMap(w -> w.sizes().stream()).distinct().sorted().toList()
                : sizeList);
    }

    /** The implementation whose first map cell is measured twice as the run's A/A control, if the run has it. */
    static final String AA_IMPL = "fastutil";

    /**
     * The cells plus the A/A control: the first JMH map cell of {@link #AA_IMPL} (else of the
     * first JVM implementation of the plan) again, under the control name ({@code fastutil-aa}),
     * right after it. Its forks against the original's measure the run's own noise.
     */
    static List<Cell> withAaControl(List<Cell> cells) {
        Cell base = null;
        for (Cell c : cells) {
            String impl = c.param("impl");
            if (c.kind() == Cell.Kind.JMH && impl != null && MapRegistry.names().contains(impl)
                && (base == null || impl.equals(AA_IMPL) && !AA_IMPL.equals(base.param("impl")))) {
                base = c;
            }
        }
        if (base == null) {
            return cells;
        }
        List<Cell> out = new ArrayList<>(cells);
        Map<String, String> p = new LinkedHashMap<>(base.params());
        p.put("impl", MapRegistry.aaControl(base.param("impl")));
        out.add(out.indexOf(base) + 1, new Cell(base.operation(), base.kind(), base.target(), p,
            base.opsPerInvocation()));
        return List.copyOf(out);
    }

    /** The A/A control cell of a plan and the cell it repeats, if the plan has them. */
    static Optional<Cell[]> aaPair(List<Cell> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (MapRegistry.isAaControl(cells.get(i).param("impl"))) {
                return Optional.of(new Cell[] {cells.get(i - 1), cells.get(i)});
            }
        }
        return Optional.empty();
    }

    /** Largest map size accepted by --sizes (2^26: Java arrays of the biggest maps must stay int-indexed). */
    static final int MAX_SIZE = 1 << 26;

    static List<Integer> parseSizes(List<String> sizes) {
        List<Integer> out = new ArrayList<>();
        for (String s : sizes) {
            int n;
            try {
                n = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sizes: '" + s + "' is not a whole number; give entries as N,N,..."
                    + " with 1 <= N <= " + MAX_SIZE);
            }
            if (n < 1 || n > MAX_SIZE) {
                throw new IllegalArgumentException("--sizes: " + n + " is out of range; allowed 1.." + MAX_SIZE);
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--sizes needs at least one size");
        }
        return List.copyOf(out);
    }

    static int[] parseShard(String shard) {
        String[] parts = shard.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must be I/N (e.g. 2/4), got '" + shard + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with whole numbers (e.g. 2/4), got '" + shard
                + "'");
        }
        MatrixBuilder.checkShard(i, n);
        return new int[] {i, n};
    }

    /**
     * Runs {@code r}: returns 0 when the run is archived (or, with {@code dryRun}, planned);
     * IllegalArgumentException naming the option when the request is not valid.
     */
    public static int run(Request r) {
        Plan plan = plan(r.profile(), r.include(), r.impls(), r.hashers(), r.sizes(), r.shard());
        String include = r.include();
        GoToolchains toolchains = GoToolchains.fromEnvironment();
        Map<NativeGoImpl, GoToolchain> nativeGo = new LinkedHashMap<>();
        plan = withoutMissingToolchains(plan, toolchains, nativeGo);
        if (plan.cells().isEmpty()) {
            throw new IllegalArgumentException("no cell left to run: the native-Go "
                + "implementations selected need Go toolchains this machine lacks (install with "
                + GoToolchains.INSTALL_COMMAND + ")");
        }
        Profile p = plan.profile();
        int roundCount = r.rounds() == null ? p.defaultRounds() : r.rounds();
        if (roundCount < 1 || roundCount > MAX_ROUNDS) {
            throw new IllegalArgumentException("--rounds must be 1.." + MAX_ROUNDS + ", got " + roundCount);
        }
        long seed = r.roundsSeed();
        double estimate = plan.cells().stream().mapToDouble(c -> Estimate.seconds(c, p)
            * (c.kind() == Cell.Kind.JMH ? roundCount : 1)).sum();
        Map<String, Integer> perOperation = new LinkedHashMap<>();
        plan.cells().forEach(c -> perOperation.merge(c.operation(), 1, Integer::sum));
        System.err.printf("hbench run: profile %s, %d of %d cells (shard %s%s)%s, estimated %s%n", p.label(),
            plan.cells().size(), plan.matrixSize(), plan.shard(), include == null ? "" : ", include " + include,
            roundCount == 1 ? "" : ", " + roundCount + " rounds", Estimate.format(estimate));
        System.err.println("  cells per operation: " + perOperation);
        System.err.println("  fork JVM: " + String.join(" ", CellRunner.forkJvmArgs(p)));
        if (r.dryRun()) {
            plan.cells().forEach(c -> System.out.println(c.id()));
            return 0;
        }
        String perf = "not requested";
        boolean usePerf = false;
        if (r.perfnorm() || PerfCheck.perfInstalled()) {
            perf = PerfCheck.status();
            usePerf = perf.equals("available");
            if (!usePerf) {
                System.err.println("hardware counters not available on this machine (perf: "
                    + perf.replaceFirst("^unavailable: ", "") + "); running without perfnorm");
            }
        }
        Path results = r.out() != null ? r.out() : RunArchive.defaultResultsDir();
        Map<String, String> extras = metadataExtras(plan, perf);
        extras.put("native_go", nativeGoMetadata(nativeGo));
        extras.put("rounds", Integer.toString(roundCount));
        extras.put("rounds_seed", "0x" + Long.toHexString(seed));
        MachineState machineStart = MachineState.read();
        RunMetadata meta = RunMetadata.collect(ArchiveFormat.KIND, p.label(), extras);
        Path scratch;
        try {
            scratch = Files.createTempDirectory("hbench-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder: " + e.getMessage(), e);
        }
        Path scratchDir = scratch;
        Thread scratchCleanup = new Thread(() -> deleteTree(scratchDir), "hbench-scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(scratchCleanup);
        try (RunArchive archive = RunArchive.begin(results, meta)) {
            System.err.println("hbench run: writing to " + archive.dir() + " (moved into place when complete)");
            Path jmhLog = archive.file(ArchiveFormat.JMH_LOG);
            NativeGoRunner nativeRunner = new NativeGoRunner(toolchains, NativeBenchBuild.inTempDir(),
                scratch.resolve("native-go"), new NativeGoRunner.Timings(p.warmupIterations(), p.warmupMillis(),
                    p.measurementIterations(), p.measurementMillis(), p.forks()), jmhLog);
            Collected c = runCells(plan, new CellRunner(p, scratch, jmhLog, usePerf), nativeRunner, estimate,
                roundCount, seed);
            MachineState machineEnd = MachineState.read();
            List<List<String>> resultRows = ResultsCsv.rows(c.jmh);
            ArchiveWriter.writeDataFiles(archive.dir(), c.jmh, resultRows, c.latency, c.memory);
            ArchiveReader.Run written = ArchiveReader.read(archive.dir());
            ForkScores forks = ForkScores.fromJmh(c.jmh);
            Map<String, String> noise = noiseMetadata(plan.cells(), written.results(), forks, machineStart,
                machineEnd);
            String summary = Summary.markdown("hbench " + p.label() + " run " + archive.runId(), written.results(),
                written.latency(), written.memory(), forks, noiseLines(noise));
            write(archive.file(ArchiveFormat.SUMMARY_MD), summary);
            RunMetadata fin = meta;
            for (Map.Entry<String, String> e : noise.entrySet()) {
                fin = fin.with(e.getKey(), e.getValue());
            }
            fin = fin.with("cells_run", Integer.toString(plan.cells().size()))
                .with("jmh_results", Integer.toString(c.jmh.size()))
                .with("latency_rows", Integer.toString(c.latency.size()))
                .with("memory_rows", Integer.toString(c.memory.size()));
            Map<String, String> indexExtra = new LinkedHashMap<>();
            indexExtra.put("cells", Integer.toString(plan.cells().size()));
            indexExtra.put("shard", plan.shard());
            Path dir = archive.commit(fin, indexExtra);
            System.out.println(summary);
            System.out.println("archived: " + dir);
            return 0;
        } finally {
            deleteTree(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(scratchCleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook deletes the scratch folder
            }
        }
    }

    private record Collected(ArrayNode jmh, List<List<String>> latency, List<List<String>> memory) {
    }

    /** The most rounds {@code --rounds} takes. */
    static final int MAX_ROUNDS = 100;

    private static Collected runCells(Plan plan, CellRunner runner, NativeGoRunner nativeRunner, double estimate,
                                      int rounds, long seed) {
        Map<Cell, List<JsonNode>> jmhByCell = new LinkedHashMap<>();
        plan.cells().forEach(c -> jmhByCell.put(c, new ArrayList<>()));
        List<List<String>> latency = new ArrayList<>();
        List<List<String>> memory = new ArrayList<>();
        // one round keeps the matrix order; several run the matrix in a fresh seeded order each
        List<List<Cell>> order = rounds == 1 ? List.of(plan.cells()) : RoundPlan.rounds(plan.cells(), rounds, seed);
        long start = System.nanoTime();
        double estimatedDone = 0;
        long jmhCells = plan.cells().stream().filter(c -> c.kind() == Cell.Kind.JMH).count();
        int n = (int) (plan.cells().size() + (rounds - 1) * jmhCells);
        int k = 0;
        for (int r = 0; r < order.size(); r++) {
            for (Cell cell : order.get(r)) {
                if (r > 0 && cell.kind() != Cell.Kind.JMH) {
                    continue; // probes repeat their fills themselves; they run in the first round only
                }
                k++;
                double elapsed = (System.nanoTime() - start) / 1e9;
                double scale = estimatedDone > 0 && elapsed > 0 ? elapsed / estimatedDone : 1;
                System.err.printf("[%d/%d]%s %s | elapsed %s, about %s left%n", k, n,
                    rounds == 1 ? "" : " round " + (r + 1) + "/" + rounds, cell.id(), Estimate.format(elapsed),
                    Estimate.format(Math.max(0, estimate - estimatedDone) * scale));
                switch (cell.kind()) {
                    case JMH -> {
                        if (NativeGoImpl.isNative(cell.param("impl"))) {
                            jmhByCell.get(cell).add(nativeRunner.run(cell.target(), cell.params()));
                        } else {
                            runner.runJmh(cell).forEach(jmhByCell.get(cell)::add);
                        }
                    }
                    case LATENCY -> {
                        for (String line : runner.runProbe(cell, List.of(cell.param("impl"), cell.param("hasher"),
                            cell.param("keyKind"), cell.param("size"), cell.param("rounds")))) {
                            latency.add(latencyRow(line));
                        }
                    }
                    case MEMORY -> {
                        for (String line : runner.runProbe(cell, List.of(cell.param("impl"), cell.param("hasher"),
                            cell.param("keyKind"), cell.param("sizes")))) {
                            memory.add(memoryRow(line));
                        }
                    }
                    default -> throw new IllegalStateException("cell kind " + cell.kind());
                }
                estimatedDone += Estimate.seconds(cell, plan.profile());
            }
        }
        ArrayNode jmh = JSON.createArrayNode();
        for (List<JsonNode> results : jmhByCell.values()) {
            if (!results.isEmpty()) {
                jmh.add(JmhPool.pool(results));
            }
        }
        System.err.printf("hbench run: %d cell runs in %s%n", k, Estimate.format((System.nanoTime() - start) / 1e9));
        return new Collected(jmh, latency, memory);
    }

    /**
     * The run's noise, for metadata and the summary: the A/A control's ratio, interval and verdict
     * ({@code aa_control}, {@code noisy_run}, {@code noise_score}) and the machine's state at the
     * start and the end ({@link MachineState#runMetadata}).
     */
    static Map<String, String> noiseMetadata(List<Cell> cells, List<ArchiveRows.Result> rows, ForkScores forks,
                                             MachineState start, MachineState end) {
        Map<String, String> m = new LinkedHashMap<>();
        Optional<Cell[]> pair = aaPair(cells);
        Optional<NoiseFloor> floor = pair.flatMap(cp -> {
            ArchiveRows.Result base = rowOf(rows, cp[0]);
            ArchiveRows.Result control = rowOf(rows, cp[1]);
            return base == null || control == null ? Optional.empty()
                : forks.timeRatio(control, base, Ratios.DEFAULT_CONFIDENCE).map(ci -> NoiseFloor.of(ci,
                    Verdict.DEFAULT_BAND));
        });
        m.put("aa_control", floor.map(f -> pair.get()[0].id() + ": " + f.line()).orElse("not measured"));
        m.put("noisy_run", floor.map(f -> Boolean.toString(f.noisy())).orElse("unknown"));
        m.put("noise_score", floor.map(f -> Double.isFinite(f.spread())
            ? String.format(java.util.Locale.ROOT, "+/- %.1f %%", f.spread() * 100) : "unbounded").orElse("unknown"));
        m.putAll(MachineState.runMetadata(start, end));
        return m;
    }

    private static ArchiveRows.Result rowOf(List<ArchiveRows.Result> rows, Cell cell) {
        for (ArchiveRows.Result r : rows) {
            if (cell.param("impl").equals(r.impl()) && cell.operation().equals(r.operation())
                && Objects.equals(cell.param("size"), r.size())
                && Objects.equals(cell.param("keyKind"), r.keyKind())) {
                return r;
            }
        }
        return null;
    }

    /** The summary's lines about the run's noise. */
    static List<String> noiseLines(Map<String, String> noise) {
        List<String> lines = new ArrayList<>();
        lines.add("A/A control (one implementation measured twice under two names; its time ratio should be 1): "
            + noise.get("aa_control") + ("true".equals(noise.get("noisy_run"))
                ? ". The control decided a difference that is not there: treat this run's close verdicts with care."
                : ""));
        lines.add("machine: load " + noise.get("machine_start_loadavg") + " at the start, "
            + noise.get("machine_end_loadavg") + " at the end; CPU steal " + noise.get("machine_steal")
            + ", idle " + noise.get("machine_idle") + "; transparent huge pages " + noise.get("machine_start_thp")
            + "; governor " + noise.get("machine_start_governor"));
        return lines;
    }

    /**
     * A latency.csv row, in {@link ArchiveFormat#LATENCY_COLUMNS} order, from a probe line with the
     * {@link InsertLatencyProbe#FIELDS}; {@code lookup_style} is the implementation's (empty for the timer).
     */
    static List<String> latencyRow(String line) {
        Map<String, String> f;
        try {
            f = InsertLatencyProbe.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("latency probe printed a malformed line: " + e.getMessage(), e);
        }
        String impl = f.get("impl");
        f.put("lookup_style", MapRegistry.names().contains(impl) ? MapRegistry.lookupStyle(impl) : "");
        List<String> row = new ArrayList<>();
        for (String c : ArchiveFormat.LATENCY_COLUMNS) {
            row.add(Objects.requireNonNull(f.get(c), () -> "the probe line has no field for latency.csv column " + c));
        }
        return row;
    }

    /** A memory.csv row from a probe line impl,hasher,key_kind,size,bytes_total,bytes_per_entry,jol_mode. */
    static List<String> memoryRow(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7) {
            throw new IllegalStateException("memory probe printed a malformed line: " + line);
        }
        return List.of(f[0], f[2], f[3], f[4], f[5], f[6], f[1], MapRegistry.lookupStyle(f[0]));
    }

    /**
     * The plan without the native-Go cells whose Go release has no toolchain here, said once on
     * stderr; fills {@code found} with the toolchain of every native implementation that stays.
     */
    static Plan withoutMissingToolchains(Plan plan, GoToolchains toolchains, Map<NativeGoImpl, GoToolchain> found) {
        Set<String> missing = new java.util.TreeSet<>();
        List<Cell> kept = new ArrayList<>();
        for (Cell c : plan.cells()) {
            Optional<NativeGoImpl> impl = NativeGoImpl.of(c.param("impl"));
            if (impl.isEmpty()) {
                kept.add(c);
                continue;
            }
            Optional<GoToolchain> t = toolchains.find(impl.get().goVersion());
            if (t.isPresent()) {
                found.put(impl.get(), t.get());
                kept.add(c);
            } else {
                missing.add(impl.get().label());
            }
        }
        if (missing.isEmpty()) {
            return plan;
        }
        List<NativeGoImpl> missingImpls = missing.stream().map(m -> NativeGoImpl.of(m).orElseThrow()).toList();
        System.err.println("hbench run: no Go toolchain for " + String.join(", ", toolchains.missing(missingImpls))
            + " (install with " + GoToolchains.INSTALL_COMMAND + "); running without " + String.join(", ", missing)
            + " (" + (plan.cells().size() - kept.size()) + " cells)");
        return new Plan(plan.profile(), kept, plan.matrixSize(), plan.shard(), plan.include(),
            plan.impls().stream().filter(i -> !missing.contains(i)).toList(), plan.hashers(), plan.sizes());
    }

    /** The metadata of the native-Go toolchains: {@code impl=version@root(;GOEXPERIMENT=x)} joined by {@code ;}. */
    static String nativeGoMetadata(Map<NativeGoImpl, GoToolchain> toolchains) {
        List<String> parts = new ArrayList<>();
        toolchains.forEach((impl, t) -> parts.add(impl.label() + "=" + t.version() + "@" + t.shownRoot()
            + (impl.experiment().isEmpty() ? "" : " GOEXPERIMENT=" + impl.experiment())));
        return String.join("; ", parts);
    }

    private static Map<String, String> metadataExtras(Plan plan, String perf) {
        Profile p = plan.profile();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ArchiveFormat.VERSION_KEY, Integer.toString(ArchiveFormat.VERSION));
        m.put("key_seed", "0x" + Long.toHexString(KeySets.KEY_SEED));
        m.put("probe_seed", "0x" + Long.toHexString(KeySets.PROBE_SEED));
        m.put("go_seed", "0x" + Long.toHexString(MapRegistry.GO_SEED));
        m.put("fork_jvm_args", String.join(" ", CellRunner.forkJvmArgs(p)));
        m.put("heap", "-Xms" + p.heap() + " -Xmx" + p.heap() + " -XX:+AlwaysPreTouch");
        m.put("include", plan.include() == null ? "" : plan.include());
        m.put("impls", String.join(",", plan.impls()));
        m.put("hashers", String.join(",", plan.hashers()));
        m.put("sizes", String.join(",", plan.sizes().stream().map(String::valueOf).toList()));
        m.put("shard", plan.shard());
        m.put("cells_planned", Integer.toString(plan.cells().size()));
        m.put("cells_run", "0");
        m.put("jmh_results", "0");
        m.put("latency_rows", "0");
        m.put("memory_rows", "0");
        m.put("warmup", p.warmupIterations() + " x " + p.warmupMillis() + " ms");
        m.put("measurement", p.measurementIterations() + " x " + p.measurementMillis() + " ms");
        m.put("forks", Integer.toString(p.forks()));
        m.put("perf_counters", perf);
        m.put("shards", "");
        return m;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            System.err.println("hbench: could not remove scratch folder " + dir + ": " + e.getMessage());
        }
    }
}
