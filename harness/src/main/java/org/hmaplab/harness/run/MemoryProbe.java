package org.hmaplab.harness.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.hash.Hashers;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Bytes per entry of a map filled (no size hint) with N keys, measured with JOL:
 * {@code GraphLayout.parseInstance(map).totalSize() / N}. The graph is everything reachable
 * from the adapter, so it includes the key objects of String and composite maps (the same for
 * every implementation) and the boxes of boxed maps; for our maps the hasher's own graph (a
 * singleton shared by every map: AES tables, method handles) is subtracted. Runs in a child JVM with JOL's attach flags
 * ({@code -Djdk.attach.allowAttachSelf=true -XX:+EnableDynamicAgentLoading}); {@code jol_mode}
 * records whether JOL measured through its agent ({@code agent}) or fell back to its layout
 * model ({@code model}).
 *
 * <p>Usage: {@code MemoryProbe impl hasher keyKind size,size,...}; prints one line per size
 * {@code RESULT impl,hasher,key_kind,size,bytes_total,bytes_per_entry,jol_mode}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: MemoryProbe impl hasher keyKind size,size,...");
        }
        String impl = MapRegistry.requireKnown(args[0]);
        String hasher = args[1];
        KeyKind kind = KeyKind.of(args[2]);
        String mode = jolMode();
        for (String s : args[3].split(",")) {
            int size = Integer.parseInt(s.trim());
            Object keys = ProbeMaps.keys(kind, size);
            Object map = ProbeMaps.filled(impl, hasher, kind, keys);
            GraphLayout layout = GraphLayout.parseInstance(map);
            if (MapRegistry.isGo(impl)) {
                // the hasher is a shared singleton (tables, method handles), not per-map memory
                layout = layout.subtract(GraphLayout.parseInstance(Hashers.byName(hasher)));
            }
            long total = layout.totalSize();
            System.out.println(InsertLatencyProbe.RESULT_PREFIX + String.join(",", impl, hasher, kind.label(),
                Integer.toString(size), Long.toString(total),
                String.format(Locale.ROOT, "%.2f", total / (double) size), mode));
        }
    }

    /**
     * {@code agent} when JOL obtained an {@code Instrumentation} (dynamic self-attach worked),
     * {@code model} when it fell back to its layout model. JOL does not publish this, so its
     * package-private {@code InstrumentationSupport.instance()} is asked by reflection;
     * {@code unknown} if that fails.
     */
    public static String jolMode() {
        VM.current();
        try {
            Method instance = Class.forName("org.openjdk.jol.vm.InstrumentationSupport").getDeclaredMethod("instance");
            instance.setAccessible(true);
            return instance.invoke(null) != null ? "agent" : "model";
        } catch (InvocationTargetException e) {
            return "model";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown";
        }
    }
}
