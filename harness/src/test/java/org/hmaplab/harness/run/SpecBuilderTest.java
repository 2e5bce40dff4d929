package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.run.MatrixBuilder.Spec;
import org.hmaplab.harness.run.MatrixBuilder.Workload;
import org.junit.jupiter.api.Test;

/** A {@link Spec} built by name: the defaults of the parts left unset, and copies that replace one part. */
class SpecBuilderTest {

    private static final List<KeyKind> LONGS = List.of(KeyKind.LONG_RANDOM);

    private static Spec full() {
        return Spec.builder()
            .impls(List.of("go-swar", "fastutil"))
            .goHashers(List.of("fnv1a"))
            .workload(new Workload("get", LONGS, List.of(1024), List.of("uniform"), List.of(100)))
            .speedHashers(List.of("xxh3"))
            .hashLengths(List.of(16))
            .hashLong(true)
            .latency(LONGS, 1 << 14, 2)
            .memory(List.of(KeyKind.STRING_16), List.of(1024, 4096))
            .build();
    }

    @Test
    void partsLeftUnsetAreEmptyFalseOrZero() {
        Spec s = Spec.builder().speedHashers(List.of("xxh3")).hashLengths(List.of(8)).build();
        assertEquals(List.of("xxh3"), s.speedHashers());
        assertEquals(List.of(8), s.hashLengths());
        assertEquals(List.of(), s.impls());
        assertEquals(List.of(), s.goHashers());
        assertEquals(List.of(), s.workloads());
        assertFalse(s.hashLong());
        assertEquals(List.of(), s.latencyKinds());
        assertEquals(0, s.latencySize());
        assertEquals(0, s.latencyRounds());
        assertEquals(List.of(), s.memoryKinds());
        assertEquals(List.of(), s.memorySizes());
    }

    @Test
    void namedCallsSetTheComponentsTheyName() {
        Spec s = full();
        assertEquals(new Spec(List.of("go-swar", "fastutil"), List.of("fnv1a"),
            List.of(new Workload("get", LONGS, List.of(1024), List.of("uniform"), List.of(100))),
            List.of("xxh3"), List.of(16), true, LONGS, 1 << 14, 2, List.of(KeyKind.STRING_16), List.of(1024, 4096)), s);
    }

    @Test
    void toBuilderCopyChangesOnlyThePartSet() {
        Spec s = full();
        Spec other = s.toBuilder().goHashers(List.of("go", "aes")).build();
        assertEquals(List.of("go", "aes"), other.goHashers());
        assertEquals(new Spec(s.impls(), List.of("go", "aes"), s.workloads(), s.speedHashers(), s.hashLengths(),
            s.hashLong(), s.latencyKinds(), s.latencySize(), s.latencyRounds(), s.memoryKinds(), s.memorySizes()),
            other);
        assertEquals(s, s.toBuilder().build(), "a copy with nothing set is equal");
        assertEquals(List.of("fnv1a"), s.goHashers(), "the original is unchanged");
    }

    @Test
    void workloadAppendsAndWorkloadsReplaces() {
        Workload get = new Workload("get", LONGS, List.of(1024), List.of("uniform"), List.of(100));
        Workload put = new Workload("put-growth", LONGS, List.of(1024), List.of("uniform"), List.of(100));
        Spec s = full().toBuilder().workload(put).build();
        assertEquals(List.of(get, put), s.workloads());
        assertEquals(List.of(put), s.toBuilder().workloads(List.of(put)).build().workloads());
    }
}
