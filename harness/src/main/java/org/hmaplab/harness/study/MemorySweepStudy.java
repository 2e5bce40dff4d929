package org.hmaplab.harness.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.run.MemoryProbe;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.openjdk.jol.info.GraphLayout;

/**
 * Study {@code memory-sweep}: JOL bytes per entry of every long -&gt; long map over a log-uniform
 * sweep of sizes (equally spaced in log2: {@link #PER_OCTAVE} points per doubling from 2^10 to
 * 2^24), so that where a size falls in a map's growth cycle averages out and the shape of the
 * cycle itself shows.
 *
 * <p>Each map is filled from empty (no size hint) with the first n values of
 * {@code new SplittableRandom(}{@link #KEY_SEED}{@code ).nextLong()} (distinct by construction:
 * SplittableRandom's outputs are a bijective mix of distinct counter values), value = key, and
 * measured as the harness's {@code MemoryProbe} does: {@code GraphLayout.parseInstance(map)}, less
 * the hasher's own graph for our maps (a singleton shared by every map), divided by n.
 *
 * <p>Maps: {@code swiss-swar} (the Swiss-table model), {@code go-fast64} (the classic Go model) and
 * the peers of {@link MapRegistry#peerNames()}. The JDK HashMap (a node and two boxes per entry,
 * which JOL walks object by object) stops at {@link #JDK_MAX_SIZE}. Everything runs in the study's
 * own JVM: before each map and size the heap it will need is estimated from the previous size
 * (map bytes twice, for the old and new table of a growth, plus JOL's bookkeeping per object); a
 * size that would not fit, or that runs out of memory anyway, is skipped and listed in the report.
 */
public final class MemorySweepStudy implements Study {

    /** Seed of the key sequence. */
    static final long KEY_SEED = 0x5EED_3E30_5EE9_0001L;
    /** log2 of the smallest size. */
    static final int MIN_LOG2 = 10;
    /** log2 of the largest size of the full sweep. */
    static final int MAX_LOG2 = 24;
    /** log2 of the largest size of the quick sweep. */
    static final int QUICK_MAX_LOG2 = 14;
    /** Sizes per doubling in the full sweep. */
    static final int PER_OCTAVE = 4;
    /** Sizes per doubling in the quick sweep. */
    static final int QUICK_PER_OCTAVE = 2;
    /** The largest size the JDK HashMap is measured at. */
    static final int JDK_MAX_SIZE = 1 << 20;
    /** The Swiss map of the verdict and the peer it is held against. */
    static final String SWISS = "swiss-swar";
    /** The peer of the verdict. */
    static final String FASTUTIL = "fastutil";
    /** JOL's own bookkeeping per object walked, assumed for the heap estimate (bytes). */
    static final long JOL_BYTES_PER_OBJECT = 256;
    /** Heap kept free beyond the estimate (bytes). */
    static final long HEAP_MARGIN = 64L << 20;

    /** The columns of {@code memory-sweep.csv}, one row per map and size. */
    static final List<String> COLUMNS = List.of("impl", "hasher", "size", "bytes", "bytes_per_entry");
    /** The columns of {@code memory-sweep-summary.csv}, one row per map. */
    static final List<String> SUMMARY_COLUMNS = List.of("impl", "hasher", "sizes", "largest_size", "common_sizes",
        "mean_bytes_per_entry_common", "mean_bytes_per_entry", "min_bytes_per_entry", "max_bytes_per_entry",
        "largest_rise", "skipped");

    @Override
    public String name() {
        return "memory-sweep";
    }

    @Override
    public String summary() {
        return "JOL bytes per entry over a log-uniform size sweep 2^10..2^24: Swiss tables against the peers";
    }

    /** The maps of the study, in report order. */
    static List<String> impls() {
        final List<String> impls = new ArrayList<>(List.of(SWISS, "go-fast64"));
        impls.addAll(MapRegistry.peerNames());
        return List.copyOf(impls);
    }

    /** {@code round(2^(minLog2 + k / perOctave))} for k = 0 .. (maxLog2 - minLog2) * perOctave, ascending. */
    static int[] sweep(int minLog2, int maxLog2, int perOctave) {
        final int n = (maxLog2 - minLog2) * perOctave + 1;
        final int[] sizes = new int[n];
        for (int k = 0; k < n; k++) {
            sizes[k] = (int) Math.round(Math.pow(2, minLog2 + (double) k / perOctave));
        }
        return sizes;
    }

    /** The sizes of the full or quick sweep. */
    static int[] sizes(boolean quick) {
        return quick ? sweep(MIN_LOG2, QUICK_MAX_LOG2, QUICK_PER_OCTAVE) : sweep(MIN_LOG2, MAX_LOG2, PER_OCTAVE);
    }

    /**
     * One map measured at one size.
     *
     * @param impl    registry name
     * @param hasher  the hasher of our maps, {@code none} for a peer
     * @param size    entries
     * @param bytes   JOL graph total size, less the hasher's graph for our maps
     * @param objects objects in that graph (for the heap estimate of the next size)
     */
    public record Point(String impl, String hasher, int size, long bytes, long objects) {

        /** Bytes per entry. */
        public double bytesPerEntry() {
            return (double) bytes / size;
        }
    }

    /** A map and size not measured, and why. */
    public record Skip(String impl, int size, String reason) {
    }

    /** The hasher name {@code impl} is built with: {@code hasher} for our maps, none for a peer. */
    static String hasherFor(String impl, Hasher hasher) {
        return MapRegistry.isGo(impl) ? hasher.name() : MapRegistry.NO_HASHER;
    }

    /**
     * Fills {@code impl} from empty with the first {@code size} keys of {@link #KEY_SEED} and
     * measures it with JOL (less the hasher's graph for our maps, as MemoryProbe does).
     */
    public static Point measure(String impl, Hasher hasher, int size) {
        final String hasherName = hasherFor(impl, hasher);
        final LongLongMapAdapter map = MapRegistry.longLong(impl, MapRegistry.isGo(impl) ? hasherName : null, 0);
        final SplittableRandom keys = new SplittableRandom(KEY_SEED);
        for (int i = 0; i < size; i++) {
            final long k = keys.nextLong();
            map.put(k, k);
        }
        if (map.size() != size) {
            throw new IllegalStateException(impl + " holds " + map.size() + " entries after " + size
                + " distinct puts");
        }
        GraphLayout layout = GraphLayout.parseInstance(map);
        if (MapRegistry.isGo(impl)) {
            // the hasher is a shared singleton (tables, method handles), not per-map memory
            layout = layout.subtract(GraphLayout.parseInstance(hasher));
        }
        return new Point(impl, hasherName, size, layout.totalSize(), layout.totalCount());
    }

    /** Heap {@code size} is estimated to need, scaled from the map's previous point (null: none yet). */
    static long heapNeeded(Point previous, int size) {
        if (previous == null) {
            return HEAP_MARGIN + (long) size * (2 * 64 + JOL_BYTES_PER_OBJECT);
        }
        final double scale = (double) size / previous.size();
        return HEAP_MARGIN + (long) (scale * (2 * previous.bytes() + JOL_BYTES_PER_OBJECT * previous.objects()));
    }

    /** Heap still available to this JVM after a collection (bytes). */
    static long heapAvailable() {
        final Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** The study's measurements: points ascending by size per map, then the skipped ones. */
    record Sweep(int[] sizes, List<String> impls, List<Point> points, List<Skip> skips) {

        List<Point> of(String impl) {
            return points.stream().filter(p -> p.impl().equals(impl)).toList();
        }

        /** The sizes every map measured. */
        TreeSet<Integer> commonSizes() {
            final TreeSet<Integer> common = new TreeSet<>();
            for (int s : sizes) {
                common.add(s);
            }
            for (String impl : impls) {
                common.retainAll(of(impl).stream().map(Point::size).toList());
            }
            return common;
        }
    }

    /** Measures every map at every size, skipping what does not fit; progress to {@code ctx.log()}. */
    static Sweep run(int[] sizes, List<String> impls, Hasher hasher, StudyContext ctx) {
        final List<Point> points = new ArrayList<>();
        final List<Skip> skips = new ArrayList<>();
        for (String impl : impls) {
            Point previous = null;
            for (int size : sizes) {
                if (impl.equals("jdk") && size > JDK_MAX_SIZE) {
                    skips.add(new Skip(impl, size, "above the JDK cap of 2^20 (boxed entries: slow to walk)"));
                    continue;
                }
                final long need = heapNeeded(previous, size);
                final long available = heapAvailable();
                if (need > available) {
                    skips.add(new Skip(impl, size, String.format(Locale.ROOT, "needs about %d MB of heap, %d MB"
                        + " available", need >> 20, available >> 20)));
                    continue;
                }
                try {
                    previous = measure(impl, hasher, size);
                    points.add(previous);
                } catch (OutOfMemoryError e) {
                    skips.add(new Skip(impl, size, "OutOfMemoryError (heap max " + (Runtime.getRuntime().maxMemory()
                        >> 20) + " MB)"));
                }
            }
            ctx.log().println("memory-sweep: " + impl + " done (" + sizes.length + " sizes)");
            ctx.log().flush();
        }
        return new Sweep(sizes, impls, points, skips);
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int[] sizes = sizes(ctx.quick());
        final Hasher hasher = Hashers.defaultHasher();
        final Sweep sweep = run(sizes, impls(), hasher, ctx);
        final List<List<?>> rows = new ArrayList<>();
        for (Point p : sweep.points()) {
            rows.add(List.of(p.impl(), p.hasher(), p.size(), p.bytes(), f(p.bytesPerEntry())));
        }
        CsvOut.write(ctx.dir().resolve("memory-sweep.csv"), COLUMNS, rows);
        final TreeSet<Integer> common = sweep.commonSizes();
        final List<List<?>> summary = new ArrayList<>();
        for (String impl : sweep.impls()) {
            final List<Point> ps = sweep.of(impl);
            if (ps.isEmpty()) {
                continue;
            }
            summary.add(List.of(impl, ps.getFirst().hasher(), ps.size(), ps.getLast().size(), common.size(),
                f(mean(ps, common)), f(mean(ps, null)), f(min(ps)), f(max(ps)), f(largestRise(ps)),
                sweep.skips().stream().filter(s -> s.impl().equals(impl)).count()));
        }
        CsvOut.write(ctx.dir().resolve("memory-sweep-summary.csv"), SUMMARY_COLUMNS, summary);
        ctx.metadata().put("study_key_seed", Long.toHexString(KEY_SEED));
        ctx.metadata().put("study_hasher", hasher.name());
        ctx.metadata().put("study_sizes", String.join(",", java.util.Arrays.stream(sizes)
            .mapToObj(Integer::toString).toList()));
        ctx.metadata().put("study_points_per_octave", Integer.toString(ctx.quick() ? QUICK_PER_OCTAVE : PER_OCTAVE));
        ctx.metadata().put("study_jdk_max_size", Integer.toString(JDK_MAX_SIZE));
        ctx.metadata().put("study_heap_max_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        ctx.metadata().put("study_jol_mode", MemoryProbe.jolMode());
        return markdown(sweep, ctx.quick(), hasher.name());
    }

    /** Mean bytes per entry over the points whose size is in {@code only} (all points when null). */
    static double mean(List<Point> ps, java.util.Set<Integer> only) {
        return ps.stream().filter(p -> only == null || only.contains(p.size())).mapToDouble(Point::bytesPerEntry)
            .average().orElse(Double.NaN);
    }

    static double min(List<Point> ps) {
        return ps.stream().mapToDouble(Point::bytesPerEntry).min().orElse(Double.NaN);
    }

    static double max(List<Point> ps) {
        return ps.stream().mapToDouble(Point::bytesPerEntry).max().orElse(Double.NaN);
    }

    /**
     * The largest ratio of bytes per entry between neighbouring sizes of the sweep (1 when it never
     * rises): near 2^(-1/perOctave) between growths, close to 2 where a whole table doubles within one step.
     */
    static double largestRise(List<Point> ps) {
        double rise = 1;
        for (int i = 1; i < ps.size(); i++) {
            rise = Math.max(rise, ps.get(i).bytesPerEntry() / ps.get(i - 1).bytesPerEntry());
        }
        return rise;
    }

    /** A rise between neighbouring sizes above this counts as a sawtooth tooth (a burst of growth). */
    static final double TOOTH = 1.25;

    /** The shape note: the expectation, what the sweep measured, and which of the two it supports. */
    static String shape(Sweep sweep, boolean quick) {
        final StringBuilder sb = new StringBuilder("Shape. Expected: the Swiss map grows by extendible hashing,"
            + " tables of at most 1024 slots (128 groups of 136 bytes: 17 bytes per slot, at most 7/8 full), each"
            + " split in two on its own when it is full, so capacity could follow the size in small steps; the"
            + " open-addressing peers keep one power-of-two array and double it at once, so their bytes per entry"
            + " jump 2x at each doubling and fall as the array fills again: the power-of-two sawtooth. Measured"
            + " (largest rise = the largest ratio of bytes per entry between neighbouring sizes; a smooth curve"
            + " keeps it near 1, a doubling inside one step makes it close to 2):");
        for (String impl : sweep.impls()) {
            final List<Point> ps = sweep.of(impl);
            if (!ps.isEmpty()) {
                sb.append(String.format(Locale.ROOT, " %s %.1f..%.1f bytes/entry, largest rise %.2fx;", impl, min(ps),
                    max(ps), largestRise(ps)));
            }
        }
        sb.setLength(sb.length() - 1);
        sb.append(". ");
        final List<Point> swiss = sweep.of(SWISS);
        if (swiss.isEmpty()) {
            return sb.append("No Swiss figures, no conclusion.\n").toString();
        }
        if (largestRise(swiss) <= TOOTH) {
            sb.append(String.format(Locale.ROOT, "The Swiss curve has no tooth above %.2fx: its tables split one at"
                + " a time and its capacity grows smoothly, unlike the peers' sawtooth.", TOOTH));
        } else {
            sb.append(String.format(Locale.ROOT, "The Swiss map shows a sawtooth too (a rise of %.2fx between"
                + " neighbouring sizes): with a uniform hash every table gets the same share of the keys, so all"
                + " tables reach 7/8 within a narrow range of sizes and split in one burst. Its total capacity still"
                + " doubles about once per doubling of the size, only at 7/8 load rather than fastutil's 3/4, so"
                + " its teeth come later in each doubling; splitting one table at a time does not smooth the"
                + " curve.", largestRise(swiss)));
        }
        if (quick) {
            sb.append(" Quick mode samples 2 sizes per doubling, too few for a tooth one doubling wide: read the"
                + " shape (and the means) from the full sweep.");
        }
        return sb.append('\n').toString();
    }

    /** The goal's verdict line, over the sizes both the Swiss map and fastutil measured. */
    static String verdict(Sweep sweep, boolean quick) {
        final TreeSet<Integer> both = new TreeSet<>(sweep.of(SWISS).stream().map(Point::size).toList());
        both.retainAll(sweep.of(FASTUTIL).stream().map(Point::size).toList());
        final String goal = "Goal \"Swiss bytes per entry, mean over the log-uniform sweep 2^10..2^24: <= fastutil's\"";
        if (both.isEmpty()) {
            return goal + ": not decided (no size measured for both " + SWISS + " and " + FASTUTIL + ").";
        }
        final double swiss = mean(sweep.of(SWISS), both);
        final double fast = mean(sweep.of(FASTUTIL), both);
        final boolean full = both.size() == sweep.sizes().length;
        return String.format(Locale.ROOT, "%s: **%s**: %s %.2f bytes/entry, %s %.2f (mean over %d sizes %,d..%,d%s).",
            goal, swiss <= fast ? "met" : "missed", SWISS, swiss, FASTUTIL, fast, both.size(), both.first(),
            both.last(), quick ? "; quick sweep 2^10..2^14 only, the goal names the full sweep"
                : full ? "" : "; sizes not measured for both are left out");
    }

    static String markdown(Sweep sweep, boolean quick, String hasher) {
        final int[] sizes = sweep.sizes();
        final int perOctave = quick ? QUICK_PER_OCTAVE : PER_OCTAVE;
        final StringBuilder sb = new StringBuilder("# Study: memory-sweep\n\n");
        sb.append(String.format(Locale.ROOT, "Bytes per entry of each long -> long map filled from empty (no size"
                + " hint) with n distinct random long keys (`SplittableRandom(0x%s)`, value = key), measured with JOL:"
                + " `GraphLayout.parseInstance(map).totalSize()` (for our maps less the hasher's graph, hasher `%s`,"
                + " as the harness's MemoryProbe does) / n. Sizes: %d, log-uniform from 2^%d to 2^%d, that is equally"
                + " spaced in log2: n = round(2^(%d + k/%d)), %d per doubling. Means are arithmetic means over the"
                + " sizes; \"common\" = the %d sizes every map measured. `jdk` (HashMap, boxed) stops at 2^20:"
                + " its millions of nodes and boxes are slow to walk and large.%n%n", Long.toHexString(KEY_SEED),
            hasher, sizes.length, MIN_LOG2, quick ? QUICK_MAX_LOG2 : MAX_LOG2, MIN_LOG2, perOctave, perOctave,
            sweep.commonSizes().size()));
        sb.append("| map | sizes | largest | mean (common) | mean (all) | min | max | largest rise |\n"
            + "|---|--:|--:|--:|--:|--:|--:|--:|\n");
        final TreeSet<Integer> common = sweep.commonSizes();
        for (String impl : sweep.impls()) {
            final List<Point> ps = sweep.of(impl);
            if (ps.isEmpty()) {
                sb.append("| ").append(impl).append(" | 0 | - | - | - | - | - | - |\n");
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.2f | %.2f | %.2f | %.2f | %.2fx |%n", impl,
                ps.size(), ps.getLast().size(), mean(ps, common), mean(ps, null), min(ps), max(ps), largestRise(ps)));
        }
        sb.append('\n').append(verdict(sweep, quick)).append("\n\n");
        sb.append(shape(sweep, quick)).append('\n');
        if (!sweep.skips().isEmpty()) {
            sb.append("\nSkipped:\n\n");
            final Map<String, List<Skip>> byImpl = new LinkedHashMap<>();
            for (Skip s : sweep.skips()) {
                byImpl.computeIfAbsent(s.impl(), k -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<String, List<Skip>> e : byImpl.entrySet()) {
                final List<Skip> list = e.getValue();
                sb.append(String.format(Locale.ROOT, "- %s: %d sizes (%,d..%,d): %s%n", e.getKey(), list.size(),
                    list.getFirst().size(), list.getLast().size(), String.join("; ", list.stream().map(Skip::reason)
                        .distinct().toList())));
            }
        }
        if (!quick) {
            sb.append("\n## Bytes per entry at every size\n\n| n | log2 n |");
            for (String impl : sweep.impls()) {
                sb.append(' ').append(impl).append(" |");
            }
            sb.append("\n|--:|--:|");
            sb.append("--:|".repeat(sweep.impls().size()));
            sb.append('\n');
            for (int s : sizes) {
                sb.append(String.format(Locale.ROOT, "| %,d | %.2f |", s, Math.log(s) / Math.log(2)));
                for (String impl : sweep.impls()) {
                    final Point p = sweep.of(impl).stream().filter(q -> q.size() == s).findFirst().orElse(null);
                    sb.append(p == null ? " - |" : String.format(Locale.ROOT, " %.1f |", p.bytesPerEntry()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
