package org.hmaplab.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * What the Go 1.19 runtime's map header held after every operation of one scenario, read from a
 * file written by {@code src/test/go/mapheader} (see its {@code main.go} for the format and the
 * scenario rules, and {@code go-diff/README.md} for how the files were produced).
 *
 * <p>The file stores only the fields that changed after each op; this class decodes them into one
 * primitive array per field, indexed by op. It also keeps the scenario's header line (name, PRNG
 * seed, hint, target op count, initial effective seed), the runtime's own hashes of a few sample
 * keys, the effective seeds in the order the runtime drew them, and the runtime's summary line.
 */
final class GoHeaderTrace {
    /** Where the recorded files live on the test class path. */
    static final String RESOURCE_DIR = "/go-diff/";
    /** The recorded scenarios, one file each in RESOURCE_DIR. */
    static final List<String> SCENARIOS = List.of("insert-only", "hinted-9", "hinted-1000", "hinted-100000",
        "churn-100", "churn-1000", "churn-6000", "empty-and-clear");

    private static final Map<String, GoHeaderTrace> CACHE = new ConcurrentHashMap<>();

    private static final String SCENARIO_PREFIX = "scenario ";
    private static final String HASH_PREFIX = "hash ";
    private static final String END_PREFIX = "end ";
    private static final int HEX = 16;

    final String name;
    final long prngSeed;
    final long prngFirst;
    /** The size hint, or -1 for {@code make(map[int64]int64)} without one. */
    final int hint;
    /** The op count the scenario aims at; the last batch of a scenario may run past it. */
    final int targetOps;
    final long initialSeed;
    final int initialB;
    final long[] sampleKeys;
    final long[] sampleHashes;
    /** Values of the end line: ops, doublings, sameSize, redraws, redrawsWhileGrowing, maxB, count. */
    private final Map<String, Long> summary;

    final int ops;
    final int[] count;
    final byte[] b;
    final boolean[] sameSizeGrow;
    final int[] noverflow;
    final int[] nevacuate;
    final boolean[] growing;
    final long[] seed;
    /** Every effective seed the runtime drew after the map was made, in order. */
    final long[] redrawnSeeds;
    /** For each entry of redrawnSeeds, the op after which it was recorded. */
    final int[] redrawOps;

    private GoHeaderTrace(String name, Map<String, String> header, long[] sampleKeys, long[] sampleHashes,
                          Map<String, Long> summary, Columns columns) {
        this.name = name;
        this.prngSeed = Long.parseUnsignedLong(header.get("prng"));
        this.prngFirst = Long.parseUnsignedLong(header.get("prngFirst"), HEX);
        this.hint = "none".equals(header.get("hint")) ? -1 : Integer.parseInt(header.get("hint"));
        this.targetOps = Integer.parseInt(header.get("ops"));
        this.initialSeed = Long.parseUnsignedLong(header.get("seed"), HEX);
        this.initialB = Integer.parseInt(header.get("B"));
        this.sampleKeys = sampleKeys;
        this.sampleHashes = sampleHashes;
        this.summary = summary;
        this.ops = columns.size;
        this.count = Arrays.copyOf(columns.count, ops);
        this.b = Arrays.copyOf(columns.b, ops);
        this.sameSizeGrow = Arrays.copyOf(columns.sameSizeGrow, ops);
        this.noverflow = Arrays.copyOf(columns.noverflow, ops);
        this.nevacuate = Arrays.copyOf(columns.nevacuate, ops);
        this.growing = Arrays.copyOf(columns.growing, ops);
        this.seed = Arrays.copyOf(columns.seed, ops);
        this.redrawnSeeds = Arrays.copyOf(columns.redrawnSeeds, columns.redraws);
        this.redrawOps = Arrays.copyOf(columns.redrawOps, columns.redraws);
    }

    /** The trace of a scenario, read once per test run and shared by the test classes. */
    static GoHeaderTrace of(String scenario) {
        return CACHE.computeIfAbsent(scenario, GoHeaderTrace::load);
    }

    /** Reads {@code go-diff/<scenario>.txt.gz} from the test class path. */
    static GoHeaderTrace load(String scenario) {
        final String path = RESOURCE_DIR + scenario + ".txt.gz";
        try (InputStream raw = GoHeaderTrace.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalArgumentException("no recorded Go trace " + path + " on the test class path");
            }
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
                return parse(path, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A value of the runtime's summary line, e.g. {@code summary("sameSize")}. */
    long summary(String key) {
        final Long v = summary.get(key);
        if (v == null) {
            throw new IllegalArgumentException("trace " + name + " has no summary value '" + key
                + "'; it has " + summary.keySet());
        }
        return v;
    }

    /** The header as recorded after op i, in the same words the Java side's header is printed. */
    String describe(int i) {
        return String.format("count=%d B=%d sameSizeGrow=%b noverflow=%d nevacuate=%d growing=%b seed=%016x",
            count[i], b[i], sameSizeGrow[i], noverflow[i], nevacuate[i], growing[i], seed[i]);
    }

    private static GoHeaderTrace parse(String path, BufferedReader in) throws IOException {
        String line = in.readLine();
        int lineNo = 1;
        while (line != null && line.startsWith("#")) {
            line = in.readLine();
            lineNo++;
        }
        if (line == null || !line.startsWith(SCENARIO_PREFIX)) {
            throw bad(path, lineNo, line, "expected the 'scenario ...' line");
        }
        final Map<String, String> header = keyValues(line.substring(SCENARIO_PREFIX.length()));
        final String name = header.get("name");
        long[] keys = new long[0];
        long[] hashes = new long[0];
        line = in.readLine();
        lineNo++;
        while (line != null && line.startsWith(HASH_PREFIX)) {
            final Map<String, String> kv = keyValues(line.substring(HASH_PREFIX.length()));
            keys = Arrays.copyOf(keys, keys.length + 1);
            hashes = Arrays.copyOf(hashes, hashes.length + 1);
            keys[keys.length - 1] = Long.parseUnsignedLong(kv.get("key"), HEX);
            hashes[hashes.length - 1] = Long.parseUnsignedLong(kv.get("hash"), HEX);
            line = in.readLine();
            lineNo++;
        }
        final Columns columns = new Columns(Integer.parseInt(header.get("B")),
            Long.parseUnsignedLong(header.get("seed"), HEX));
        while (line != null && !line.startsWith(END_PREFIX)) {
            try {
                columns.addOp(line);
            } catch (RuntimeException e) {
                throw bad(path, lineNo, line, e.getMessage());
            }
            line = in.readLine();
            lineNo++;
        }
        if (line == null) {
            throw bad(path, lineNo, null, "the file ends without its 'end ...' line (truncated?)");
        }
        final Map<String, Long> summary = new HashMap<>();
        keyValues(line.substring(END_PREFIX.length())).forEach((k, v) -> summary.put(k, Long.parseLong(v)));
        if (summary.get("ops") != columns.size) {
            throw bad(path, lineNo, line, "the end line says ops=" + summary.get("ops") + " but the file holds "
                + columns.size + " op lines");
        }
        return new GoHeaderTrace(name, header, keys, hashes, summary, columns);
    }

    private static Map<String, String> keyValues(String text) {
        final Map<String, String> map = new HashMap<>();
        for (String token : text.trim().split(" ")) {
            final int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, found '" + token + "'");
            }
            map.put(token.substring(0, eq), token.substring(eq + 1));
        }
        return map;
    }

    private static IllegalArgumentException bad(String path, int lineNo, String line, String why) {
        return new IllegalArgumentException(path + " line " + lineNo + " ('" + line + "'): " + why);
    }

    /** Growable columns, decoding the change tokens of one op line at a time. */
    private static final class Columns {
        private static final int INITIAL = 1 << 18;

        int size;
        int[] count = new int[INITIAL];
        byte[] b = new byte[INITIAL];
        boolean[] sameSizeGrow = new boolean[INITIAL];
        int[] noverflow = new int[INITIAL];
        int[] nevacuate = new int[INITIAL];
        boolean[] growing = new boolean[INITIAL];
        long[] seed = new long[INITIAL];
        int redraws;
        long[] redrawnSeeds = new long[16];
        int[] redrawOps = new int[16];

        private int curCount;
        private int curB;
        private boolean curSameSize;
        private int curNoverflow;
        private int curNevacuate;
        private boolean curGrowing;
        private long curSeed;

        Columns(int initialB, long initialSeed) {
            curB = initialB;
            curSeed = initialSeed;
        }

        void addOp(String line) {
            if (!line.isEmpty()) {
                for (String token : line.split(" ")) {
                    apply(token);
                }
            }
            if (size == count.length) {
                final int n = size * 2;
                count = Arrays.copyOf(count, n);
                b = Arrays.copyOf(b, n);
                sameSizeGrow = Arrays.copyOf(sameSizeGrow, n);
                noverflow = Arrays.copyOf(noverflow, n);
                nevacuate = Arrays.copyOf(nevacuate, n);
                growing = Arrays.copyOf(growing, n);
                seed = Arrays.copyOf(seed, n);
            }
            count[size] = curCount;
            b[size] = (byte) curB;
            sameSizeGrow[size] = curSameSize;
            noverflow[size] = curNoverflow;
            nevacuate[size] = curNevacuate;
            growing[size] = curGrowing;
            seed[size] = curSeed;
            size++;
        }

        private void apply(String token) {
            final char tag = token.charAt(0);
            final String value = token.substring(1);
            switch (tag) {
                case '+' -> curCount++;
                case '-' -> curCount--;
                case 'n' -> curCount = Integer.parseInt(value);
                case 'B' -> curB = Integer.parseInt(value);
                case 's' -> curSameSize = flag(value);
                case 'o' -> curNoverflow = Integer.parseInt(value);
                case 'e' -> curNevacuate = value.startsWith("+")
                    ? curNevacuate + Integer.parseInt(value.substring(1)) : Integer.parseInt(value);
                case 'g' -> curGrowing = flag(value);
                case 'S' -> {
                    curSeed = Long.parseUnsignedLong(value, HEX);
                    if (redraws == redrawnSeeds.length) {
                        redrawnSeeds = Arrays.copyOf(redrawnSeeds, redraws * 2);
                        redrawOps = Arrays.copyOf(redrawOps, redraws * 2);
                    }
                    redrawnSeeds[redraws] = curSeed;
                    redrawOps[redraws] = size;
                    redraws++;
                }
                default -> throw new IllegalArgumentException("unknown field tag '" + tag
                    + "'; allowed: + - n B s o e g S");
            }
        }

        private static boolean flag(String value) {
            return switch (value) {
                case "0" -> false;
                case "1" -> true;
                default -> throw new IllegalArgumentException("flag value must be 0 or 1, was '" + value + "'");
            };
        }
    }
}
