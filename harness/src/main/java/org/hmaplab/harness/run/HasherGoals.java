package org.hmaplab.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.run.Goals.Verdict;

/**
 * The hasher goals (docs/performance-log.md), judged from one run's {@code hash-bytes}, {@code hash-long} and
 * {@code multiply-latency} rows (the goals profile measures them; so does every run with hasher
 * cells). Every ratio is between rows of the same run.
 *
 * <table>
 *   <caption>Hasher goals</caption>
 *   <tr><th>goal</th><th>rows</th><th>met when</th></tr>
 *   <tr><td>aes on 8-byte keys</td><td>hash-bytes, 8 bytes, aes and xxh3</td>
 *       <td>aes time &le; 2 &times; xxh3's</td></tr>
 *   <tr><td>aes throughput from 1 KiB up</td><td>hash-bytes at every length &ge; 1024 that both have</td>
 *       <td>xxh3 time / aes time &ge; 3 at each</td></tr>
 *   <tr><td>fnv1a per byte</td><td>hash-bytes of fnv1a at its longest length &ge; 1024; multiply-latency</td>
 *       <td>ns per byte &le; 1.10 &times; ns per multiply</td></tr>
 *   <tr><td>rc6 and go</td><td>their hash-bytes rows</td><td>reported (no threshold)</td></tr>
 * </table>
 *
 * <p>The 8-byte goal is judged on {@code hash-bytes}, one call per invocation like every other
 * length. The {@code hash-long} figures (1024 independent keys per invocation) are shown beside
 * it but not judged: C2 vectorises that loop for pure-Java hashers such as xxh3, which a native
 * call cannot match and which a map lookup, one key at a time, never gets.
 */
final class HasherGoals {
    private HasherGoals() {
    }

    static final String AES = "aes";
    static final String XXH3 = "xxh3";
    static final String FNV1A = "fnv1a";
    /** Hashers the issue asks only to measure and report. */
    static final List<String> REPORTED_ONLY = List.of("rc6", "go");
    /** Status of the report-only goal when its rows are present. */
    static final String REPORTED = "reported";
    /** The key length of the first goal, in bytes. */
    static final int KEY_BYTES = 8;
    /** aes may take at most this many times xxh3's time on an 8-byte key. */
    static final double AES_KEY_MAX_SLOWDOWN = 2.0;
    /** From this input length (bytes) on, aes must be at least {@link #AES_BULK_MIN_SPEEDUP} times as fast. */
    static final int BULK_FROM = 1024;
    static final double AES_BULK_MIN_SPEEDUP = 3.0;
    /** fnv1a's ns per byte may exceed one multiply's latency by at most this factor. */
    static final double FNV_MAX_OVER_MULTIPLY = 1.10;

    private static final String HASH_BYTES = "hash-bytes";
    private static final String HASH_LONG = "hash-long";

    /** The four hasher verdicts, in the order. */
    static List<Verdict> judge(List<ArchiveRows.Result> results) {
        return List.of(aesOnKeys(results), aesInBulk(results), fnvPerByte(results), reported(results));
    }

    private static Verdict aesOnKeys(List<ArchiveRows.Result> results) {
        String goal = "aes on 8-byte keys vs xxh3";
        String threshold = String.format(Locale.ROOT, "aes time <= %.0f x xxh3's", AES_KEY_MAX_SLOWDOWN);
        ArchiveRows.Result aes = hashRow(results, HASH_BYTES, AES, KEY_BYTES);
        ArchiveRows.Result xxh3 = hashRow(results, HASH_BYTES, XXH3, KEY_BYTES);
        if (aes == null || xxh3 == null) {
            return Goals.notMeasured(goal, threshold);
        }
        double slowdown = score(aes) / score(xxh3);
        StringBuilder measure = new StringBuilder(String.format(Locale.ROOT, "hash-bytes 8 B: %.2fx", slowdown));
        ArchiveRows.Result aesLoop = hashRow(results, HASH_LONG, AES, KEY_BYTES);
        ArchiveRows.Result xxh3Loop = hashRow(results, HASH_LONG, XXH3, KEY_BYTES);
        if (aesLoop != null && xxh3Loop != null) {
            measure.append(String.format(Locale.ROOT,
                "; hash-long loop %.2f vs %.2f ns = %.2fx (not judged: C2 vectorises pure-Java hashers there)",
                score(aesLoop), score(xxh3Loop), score(aesLoop) / score(xxh3Loop)));
        }
        return new Verdict(goal, ns(AES, aes), ns(XXH3, xxh3), measure.toString(), threshold,
            slowdown <= AES_KEY_MAX_SLOWDOWN ? "met" : "missed");
    }

    private static Verdict aesInBulk(List<ArchiveRows.Result> results) {
        String goal = "aes throughput from 1 KiB up vs xxh3";
        String threshold = String.format(Locale.ROOT, "xxh3 time / aes time >= %.0f at every length",
            AES_BULK_MIN_SPEEDUP);
        TreeSet<Integer> lengths = new TreeSet<>();
        for (ArchiveRows.Result r : results) {
            if (HASH_BYTES.equals(r.operation()) && AES.equals(r.hasher()) && length(r) >= BULK_FROM) {
                lengths.add(length(r));
            }
        }
        double worst = Double.POSITIVE_INFINITY;
        List<String> parts = new ArrayList<>();
        for (int len : lengths) {
            ArchiveRows.Result aes = hashRow(results, HASH_BYTES, AES, len);
            ArchiveRows.Result xxh3 = hashRow(results, HASH_BYTES, XXH3, len);
            if (aes == null || xxh3 == null) {
                continue; // only lengths both were measured at
            }
            double speedup = score(xxh3) / score(aes);
            worst = Math.min(worst, speedup);
            parts.add(String.format(Locale.ROOT, "%d B %.2fx (%.1f vs %.1f B/ns)", len, speedup,
                len / score(aes), len / score(xxh3)));
        }
        if (parts.isEmpty()) {
            return Goals.notMeasured(goal, threshold);
        }
        return new Verdict(goal, AES, XXH3, String.join("; ", parts), threshold,
            worst >= AES_BULK_MIN_SPEEDUP ? "met" : "missed");
    }

    private static Verdict fnvPerByte(List<ArchiveRows.Result> results) {
        String goal = "fnv1a per byte vs one multiply's latency";
        String threshold = String.format(Locale.ROOT, "ns per byte <= %.2f x ns per multiply", FNV_MAX_OVER_MULTIPLY);
        ArchiveRows.Result fnv = null;
        for (ArchiveRows.Result r : results) {
            if (HASH_BYTES.equals(r.operation()) && FNV1A.equals(r.hasher()) && length(r) >= BULK_FROM
                && (fnv == null || length(r) > length(fnv))) {
                fnv = r;
            }
        }
        ArchiveRows.Result multiply = Goals.best(results,
            r -> MatrixBuilder.MULTIPLY_LATENCY_OPERATION.equals(r.operation()), ArchiveRows.Result::score);
        if (fnv == null || multiply == null) {
            return Goals.notMeasured(goal, threshold);
        }
        double perByte = score(fnv) / length(fnv);
        double ratio = perByte / score(multiply);
        return new Verdict(goal, String.format(Locale.ROOT, "fnv1a %.3f ns/byte at %d B", perByte, length(fnv)),
            String.format(Locale.ROOT, "multiply %.3f ns", score(multiply)),
            String.format(Locale.ROOT, "%.2fx", ratio), threshold, ratio <= FNV_MAX_OVER_MULTIPLY ? "met" : "missed");
    }

    private static Verdict reported(List<ArchiveRows.Result> results) {
        String goal = String.join(" and ", REPORTED_ONLY) + " measured";
        List<String> parts = new ArrayList<>();
        for (String hasher : REPORTED_ONLY) {
            List<String> figures = new ArrayList<>();
            for (ArchiveRows.Result r : results) {
                if (HASH_BYTES.equals(r.operation()) && hasher.equals(r.hasher())) {
                    figures.add(String.format(Locale.ROOT, "%d B %.2f ns", length(r), score(r)));
                }
            }
            if (figures.isEmpty()) {
                return Goals.notMeasured(goal, REPORTED);
            }
            parts.add(hasher + ": " + String.join(", ", figures));
        }
        return new Verdict(goal, "", "", String.join("; ", parts), REPORTED, REPORTED);
    }

    /** The fastest row of {@code operation} for {@code hasher} at {@code length} input bytes, or null. */
    private static ArchiveRows.Result hashRow(List<ArchiveRows.Result> results, String operation, String hasher,
                                               int length) {
        return Goals.best(results, r -> operation.equals(r.operation()) && hasher.equals(r.hasher())
            && length(r) == length, ArchiveRows.Result::score);
    }

    private static int length(ArchiveRows.Result r) {
        double v = Summary.number(r.inputBytes());
        return Double.isNaN(v) ? -1 : (int) v;
    }

    private static double score(ArchiveRows.Result r) {
        return r.score();
    }

    private static String ns(String hasher, ArchiveRows.Result r) {
        return String.format(Locale.ROOT, "%s %.2f ns", hasher, score(r));
    }
}
