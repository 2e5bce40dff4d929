package org.hmaplab.harness.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cell of the benchmark matrix: an operation with all its parameters, run as one JMH run
 * (one fork per cell) or as one child-JVM probe (insert latency, memory).
 *
 * @param operation         the CSV operation name ({@code get-hit}, {@code put-growth}, {@code latency}, ...)
 * @param kind              how the cell runs
 * @param target            for JMH: the benchmark method ({@code org...GetBench.get}); for probes: the probe class
 * @param params            parameter name -&gt; value, in a fixed order (JMH @Param names for JMH cells)
 * @param opsPerInvocation  JMH operations per invocation to set at run time, 0 for the annotation's
 */
public record Cell(String operation, Kind kind, String target, Map<String, String> params, int opsPerInvocation) {

    /** How a cell runs. */
    public enum Kind { JMH, LATENCY, MEMORY }

    public Cell {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The text {@code --include} regexes are matched against: operation and params, e.g.
     * {@code get-hit impl=go-swar hasher=aes keyKind=long-random size=1024 distribution=uniform hitRatio=100}. */
    public String id() {
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
        return p.isEmpty() ? operation : operation + " " + p;
    }

    /** A parameter, or {@code null}. */
    public String param(String name) {
        return params.get(name);
    }
}
