package org.hmaplab.harness.run;

import org.hmaplab.harness.bench.KeyKind;

/**
 * A rough a-priori duration of a cell, for the plan printed before a run and the progress
 * line's time left (which is rescaled by how long the finished cells really took). The figures
 * are deliberately simple: JVM start plus heap pre-touch, key generation and fill, warm-up and
 * measurement time.
 */
final class Estimate {
    private Estimate() {
    }

    /** JVM start, JMH handshake and class loading, seconds. */
    static final double JVM_START_S = 1.5;
    /** Pre-touching one GiB of heap, seconds. */
    static final double PRETOUCH_S_PER_GIB = 0.4;
    /** Generating and inserting one long key, seconds. */
    static final double LONG_KEY_S = 3e-7;
    /** Generating and inserting one object key, seconds. */
    static final double OBJECT_KEY_S = 2e-6;

    static double seconds(Cell cell, Profile p) {
        double start = JVM_START_S + PRETOUCH_S_PER_GIB * heapGib(p.heap());
        String kindLabel = cell.param("keyKind");
        double perKey = kindLabel == null || KeyKind.of(kindLabel).family() == KeyKind.Family.LONG
            ? LONG_KEY_S : OBJECT_KEY_S;
        return switch (cell.kind()) {
            case JMH -> {
                int size = cell.param("size") == null ? 0 : Integer.parseInt(cell.param("size"));
                double setup = 2.0 * size * perKey;
                double timed = (p.warmupIterations() * p.warmupMillis() + p.measurementIterations()
                    * p.measurementMillis()) / 1000.0;
                yield p.forks() * (start + setup + timed);
            }
            case LATENCY -> {
                int size = Integer.parseInt(cell.param("size"));
                int rounds = Integer.parseInt(cell.param("rounds"));
                yield start + 0.1 + size * perKey * (1 + InsertLatencyProbe.WARMUP_FILLS + rounds);
            }
            case MEMORY -> {
                double total = start;
                for (String s : cell.param("sizes").split(",")) {
                    total += Integer.parseInt(s.trim()) * perKey * 3;
                }
                yield total;
            }
        };
    }

    static double heapGib(String heap) {
        String h = heap.toLowerCase(java.util.Locale.ROOT);
        double n = Double.parseDouble(h.substring(0, h.length() - 1));
        return switch (h.charAt(h.length() - 1)) {
            case 'g' -> n;
            case 'm' -> n / 1024;
            default -> throw new IllegalArgumentException("heap size must end in m or g: " + heap);
        };
    }

    /** Seconds as {@code 1h02m03s} / {@code 2m03s} / {@code 3s}. */
    static String format(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format("%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
