package org.hmaplab.harness.nativego;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hmaplab.harness.bench.Distribution;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.bench.KeySets;
import org.hmaplab.harness.bench.ProbePlan;
import org.hmaplab.harness.bench.UpdateBench;

/**
 * The workload of one native-Go cell, written for the Go program from the very generators the JMH
 * cells use ({@link KeySets}, {@link ProbePlan}, {@link UpdateBench#writeMask}): so Go's maps get
 * the same keys, the same probe sequence and the same write positions as the Java maps. The
 * format (little-endian) is documented in {@code harness/src/main/go/nativebench/input.go}:
 * magic {@code HMAPNB01}, family (1 int64, 2 string), size, key count, the keys, the probe count,
 * the probe indexes, one write flag byte per probe.
 *
 * <p>Only the long and String key kinds have a native cell: Go has no counterpart of the
 * composite-key record cells that would measure the same thing.
 */
public final class NativeInput {
    /** The first eight bytes of every input file. */
    public static final String MAGIC = "HMAPNB01";
    static final int FAMILY_INT64 = 1;
    static final int FAMILY_STRING = 2;

    private NativeInput() {
    }

    /** Whether a key kind has native cells. */
    public static boolean supports(KeyKind kind) {
        return kind.family() != KeyKind.Family.COMPOSITE;
    }

    /** The probe indexes of a cell: the cell's hit ratio and distribution, as GetBench and UpdateBench build them. */
    public static int[] probes(int size, Distribution distribution, int hitPercent) {
        return ProbePlan.indexes(size, ProbePlan.probeCount(size), distribution, hitPercent);
    }

    /**
     * Writes the input of a cell into {@code dir} (once: an existing file of the same name is
     * reused) and returns its path.
     */
    public static Path write(Path dir, KeyKind kind, int size, Distribution distribution, int hitPercent) {
        if (!supports(kind)) {
            throw new IllegalArgumentException("key kind " + kind.label() + " has no native-Go cells; valid: "
                + "long-random, long-seq, long-strided, string-8, string-16, string-64");
        }
        Path file = dir.resolve("input-" + kind.label() + "-" + size + "-" + distribution.label() + "-" + hitPercent
            + ".bin");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "input", ".part");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(os, kind, size, probes(size, distribution, hitPercent));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the native-Go input " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the keys of {@code kind} and {@code size} and the given probe plan. */
    static void write(OutputStream target, KeyKind kind, int size, int[] probes) throws IOException {
        int count = Math.multiplyExact(size, 2);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 20));
        out.writeBytes(MAGIC);
        boolean longs = kind.family() == KeyKind.Family.LONG;
        writeInt(out, longs ? FAMILY_INT64 : FAMILY_STRING);
        writeInt(out, size);
        writeInt(out, count);
        if (longs) {
            for (long k : KeySets.longs(kind, count)) {
                out.writeLong(Long.reverseBytes(k));
            }
        } else {
            for (String k : KeySets.strings(kind.length(), count)) {
                byte[] b = k.getBytes(StandardCharsets.UTF_8);
                writeInt(out, b.length);
                out.write(b);
            }
        }
        writeInt(out, probes.length);
        for (int p : probes) {
            writeInt(out, p);
        }
        for (boolean w : UpdateBench.writeMask(probes.length)) {
            out.writeByte(w ? 1 : 0);
        }
        out.flush();
    }

    private static void writeInt(DataOutputStream out, int v) throws IOException {
        out.writeInt(Integer.reverseBytes(v));
    }
}
