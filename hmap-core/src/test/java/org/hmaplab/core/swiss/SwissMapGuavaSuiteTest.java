package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestMapGenerator;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import com.google.common.collect.testing.testers.MapToStringTester;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.hmaplab.core.testing.MixingHasher;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's java.util.Map conformance suite (MapTestSuiteBuilder) run against SwissMap for both
 * lookup styles (newest version) and for the older versions (SWAR), each as a small map (no hint)
 * and as a table from the start (hint 100), with Long keys (samples include 0, negatives,
 * Long.MIN_VALUE) and String keys.
 * Declared: GENERAL_PURPOSE (put, remove, clear), ALLOWS_NULL_VALUES, ALLOWS_NULL_KEY_QUERIES,
 * SUPPORTS_ITERATOR_REMOVE, every collection size. Not declared: null keys (refused), known order
 * (random per iteration), fail-fast iteration (Go's iteration tolerates modification).
 *
 * <p>The generated JUnit 3 tests are run as JUnit 5 dynamic tests, one per generated test, so
 * surefire counts each of them.
 */
class SwissMapGuavaSuiteTest {

    private static final long SEED = 0x5EEDL;

    @TestFactory
    Stream<DynamicNode> guavaMapSuite() {
        List<DynamicNode> nodes = new ArrayList<>();
        List<Object[]> configs = List.of(
            new Object[] {SwissVersion.NEWEST, SwissLookupStyle.SWAR},
            new Object[] {SwissVersion.NEWEST, SwissLookupStyle.VECTOR},
            new Object[] {SwissVersion.GO1_24, SwissLookupStyle.SWAR},
            new Object[] {SwissVersion.GO1_26, SwissLookupStyle.SWAR});
        for (Object[] c : configs) {
            for (int hint : new int[] {0, 100}) {
                Options o = new Options((SwissVersion) c[0], (SwissLookupStyle) c[1], hint);
                nodes.add(toDynamic(suite("SwissMap<Long,String> " + o, new LongKeys(o))));
                nodes.add(toDynamic(suite("SwissMap<String,String> " + o, new StringKeys(o))));
            }
        }
        return nodes.stream();
    }

    /** One configuration of the map under test. */
    private record Options(SwissVersion version, SwissLookupStyle style, int hint) {
        <K> SwissMap<K, String> create() {
            return new SwissMap<>(MixingHasher.INSTANCE, SwissLongLongMap.firstThen(SEED), hint, version, style);
        }
    }

    /**
     * testToString_formatting compares toString() with a second, separate iteration of entrySet();
     * Go's iteration starts at a new random place every time, so the two orders differ (legitimately)
     * once the map is a table. Suppressed, with testToStringWithNullValue that calls it; the other
     * toString tests run.
     */
    private static TestSuite suite(String name, TestMapGenerator<?, ?> generator) {
        final Method formatting;
        final Method nullValue;
        try {
            formatting = MapToStringTester.class.getMethod("testToString_formatting");
            nullValue = MapToStringTester.class.getMethod("testToStringWithNullValue");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        return MapTestSuiteBuilder.using(generator)
            .named(name)
            .suppressing(formatting, nullValue)
            .withFeatures(
                MapFeature.GENERAL_PURPOSE,
                MapFeature.ALLOWS_NULL_VALUES,
                MapFeature.ALLOWS_NULL_KEY_QUERIES,
                CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
                CollectionSize.ANY)
            .createTestSuite();
    }

    private static DynamicNode toDynamic(Test test) {
        if (test instanceof TestSuite suite) {
            List<DynamicNode> children = new ArrayList<>();
            for (Enumeration<Test> e = suite.tests(); e.hasMoreElements(); ) {
                children.add(toDynamic(e.nextElement()));
            }
            return DynamicContainer.dynamicContainer(suite.getName(), children);
        }
        String name = test instanceof TestCase tc ? tc.getName() : test.toString();
        return DynamicTest.dynamicTest(name, () -> run(test));
    }

    private static void run(Test test) throws Throwable {
        TestResult result = new TestResult();
        test.run(result);
        assertTrue(result.runCount() > 0, "the Guava test did not run: " + test);
        for (Enumeration<TestFailure> e = result.errors(); e.hasMoreElements(); ) {
            throw e.nextElement().thrownException();
        }
        for (Enumeration<TestFailure> e = result.failures(); e.hasMoreElements(); ) {
            throw e.nextElement().thrownException();
        }
    }

    /** String keys: Guava's standard samples ("one" .. "five" style keys). */
    private static final class StringKeys extends TestStringMapGenerator {
        private final Options options;

        StringKeys(Options options) {
            this.options = options;
        }

        @Override
        protected Map<String, String> create(Map.Entry<String, String>[] entries) {
            SwissMap<String, String> map = options.create();
            for (Map.Entry<String, String> e : entries) {
                map.put(e.getKey(), e.getValue());
            }
            return map;
        }
    }

    /** Long keys whose samples include 0, negative numbers and Long.MIN_VALUE. */
    private static final class LongKeys implements TestMapGenerator<Long, String> {
        private final Options options;

        LongKeys(Options options) {
            this.options = options;
        }

        @Override
        public SampleElements<Map.Entry<Long, String>> samples() {
            return new SampleElements<>(
                Map.entry(0L, "zero"),
                Map.entry(-1L, "minus one"),
                Map.entry(Long.MIN_VALUE, "min"),
                Map.entry(42L, "forty-two"),
                Map.entry(-8L, "minus eight"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<Long, String> create(Object... elements) {
            SwissMap<Long, String> map = options.create();
            for (Object o : elements) {
                Map.Entry<Long, String> e = (Map.Entry<Long, String>) o;
                map.put(e.getKey(), e.getValue());
            }
            return map;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<Long, String>[] createArray(int length) {
            return (Map.Entry<Long, String>[]) new Map.Entry<?, ?>[length];
        }

        @Override
        public Iterable<Map.Entry<Long, String>> order(List<Map.Entry<Long, String>> insertionOrder) {
            return insertionOrder;
        }

        @Override
        public Long[] createKeyArray(int length) {
            return new Long[length];
        }

        @Override
        public String[] createValueArray(int length) {
            return new String[length];
        }
    }
}
