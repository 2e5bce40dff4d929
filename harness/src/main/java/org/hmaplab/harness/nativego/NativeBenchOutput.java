package org.hmaplab.harness.nativego;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run (one fork) of the Go benchmark program printed, parsed: format 1 as documented in
 * {@code harness/src/main/go/nativebench/main.go}. Every line must be one of the known records;
 * anything else is an error naming the line, so a changed program cannot be misread silently.
 *
 * @param goVersion    {@code runtime.Version()} of the process
 * @param gogc         the {@code GOGC} setting, or {@code default}
 * @param cell         the {@code cell} record's fields (op, family, size, probes)
 * @param hits         lookups of one pass over the probes that found their key
 * @param probes       the probe count
 * @param warmups      the warm-up iterations
 * @param measurements the timed iterations
 * @param sink         the consumed sum of all results
 */
public record NativeBenchOutput(String goVersion, String gogc, Map<String, String> cell, long hits, long probes,
                                List<Iteration> warmups, List<Iteration> measurements, String sink) {

    /** The program's output format this parser reads. */
    public static final int FORMAT = 1;

    /** One iteration: nanoseconds per operation, operations done, garbage collections during it. */
    public record Iteration(int index, double nsPerOp, long ops, long gcs) {
    }

    /** Parses the program's standard output; IllegalArgumentException naming the first bad line. */
    public static NativeBenchOutput parse(String text) {
        String goVersion = null;
        String gogc = null;
        Map<String, String> cell = null;
        long hits = -1;
        long probes = -1;
        String sink = null;
        boolean header = false;
        List<Iteration> warmups = new ArrayList<>();
        List<Iteration> measurements = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" ");
            try {
                switch (f[0]) {
                    case "nativebench" -> {
                        if (f.length != 2 || Integer.parseInt(f[1]) != FORMAT) {
                            throw new IllegalArgumentException("format " + line.substring(11).strip()
                                + " is not the format " + FORMAT + " this harness reads");
                        }
                        header = true;
                    }
                    case "go_version" -> goVersion = rest(line, f); // "go1.24.4 X:noswissmap" with an experiment
                    case "gogc" -> gogc = single(f);
                    case "cell" -> cell = fields(f, 1);
                    case "check" -> {
                        Map<String, String> c = fields(f, 1);
                        hits = Long.parseLong(required(c, "hits"));
                        probes = Long.parseLong(required(c, "of"));
                    }
                    case "warmup", "measure" -> {
                        if (f.length != 8 || !f[2].equals("ns_per_op") || !f[4].equals("ops") || !f[6].equals("gcs")) {
                            throw new IllegalArgumentException("expected '" + f[0] + " I ns_per_op X ops N gcs G'");
                        }
                        Iteration it = new Iteration(Integer.parseInt(f[1]), Double.parseDouble(f[3]),
                            Long.parseLong(f[5]), Long.parseLong(f[7]));
                        if (!(it.nsPerOp() > 0) || it.ops() <= 0) {
                            throw new IllegalArgumentException("an iteration needs a positive time and op count");
                        }
                        (f[0].equals("warmup") ? warmups : measurements).add(it);
                    }
                    case "sink" -> sink = single(f);
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("native benchmark output line " + (n + 1) + ": bad number in '"
                    + line + "'");
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("native benchmark output line")) {
                    throw e;
                }
                throw new IllegalArgumentException("native benchmark output line " + (n + 1) + " ('" + line + "'): "
                    + e.getMessage());
            }
        }
        if (!header || goVersion == null || gogc == null || cell == null || hits < 0 || sink == null
            || measurements.isEmpty()) {
            throw new IllegalArgumentException("native benchmark output is incomplete: it needs the nativebench, "
                + "go_version, gogc, cell, check, measure and sink records");
        }
        return new NativeBenchOutput(goVersion, gogc, cell, hits, probes, List.copyOf(warmups),
            List.copyOf(measurements), sink);
    }

    private static String rest(String line, String[] f) {
        if (f.length < 2) {
            throw new IllegalArgumentException("expected a value after '" + f[0] + "'");
        }
        return line.substring(f[0].length()).strip();
    }

    private static String single(String[] f) {
        if (f.length != 2) {
            throw new IllegalArgumentException("expected one value after '" + f[0] + "'");
        }
        return f[1];
    }

    private static Map<String, String> fields(String[] f, int from) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = from; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + f[i] + "'");
            }
            m.put(f[i].substring(0, eq), f[i].substring(eq + 1));
        }
        return m;
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "='");
        }
        return v;
    }
}
