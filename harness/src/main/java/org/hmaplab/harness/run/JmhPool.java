package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Pools the JMH results of one cell measured in several rounds into one result, as if JMH had
 * run all their forks in one go: the forks' rows of {@code primaryMetric.rawData} side by side,
 * the score the mean of every timed iteration, JMH's 99.9 % error and interval over them
 * ({@link ListStatistics}, as JMH computes it), {@code forks} the total. A secondary metric's
 * score is the mean of the rounds' scores and its raw data pooled likewise. The first round's
 * result gives every other field.
 */
final class JmhPool {
    private JmhPool() {
    }

    /** JMH's confidence level for {@code scoreError}. */
    static final double JMH_CONFIDENCE = 0.999;

    /** One result for all rounds of a cell; the single result itself when there was one round. */
    static JsonNode pool(List<JsonNode> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no result to pool");
        }
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        ObjectNode out = rounds.get(0).deepCopy();
        int forks = 0;
        for (JsonNode r : rounds) {
            forks += r.path("primaryMetric").path("rawData").size();
        }
        out.put("forks", forks);
        poolMetric((ObjectNode) out.get("primaryMetric"), rounds.stream().map(r -> r.path("primaryMetric")).toList());
        JsonNode secondary = out.path("secondaryMetrics");
        if (secondary instanceof ObjectNode sec) {
            for (Iterator<Map.Entry<String, JsonNode>> it = sec.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ObjectNode m) {
                    List<JsonNode> parts = rounds.stream().map(r -> r.path("secondaryMetrics").path(e.getKey()))
                        .filter(n -> !n.isMissingNode()).toList();
                    double sum = 0;
                    for (JsonNode part : parts) {
                        sum += part.path("score").asDouble(Double.NaN);
                    }
                    ArrayNode raw = m.putArray("rawData");
                    parts.forEach(part -> part.path("rawData").forEach(raw::add));
                    m.put("score", sum / parts.size());
                }
            }
        }
        return out;
    }

    private static void poolMetric(ObjectNode target, List<JsonNode> parts) {
        ListStatistics stats = new ListStatistics();
        ArrayNode raw = target.putArray("rawData");
        for (JsonNode part : parts) {
            for (JsonNode fork : part.path("rawData")) {
                raw.add(fork);
                for (JsonNode v : fork) {
                    stats.addValue(v.asDouble());
                }
            }
        }
        target.put("score", stats.getMean());
        if (stats.getN() > 2) {
            target.put("scoreError", stats.getMeanErrorAt(JMH_CONFIDENCE));
            double[] ci = stats.getConfidenceIntervalAt(JMH_CONFIDENCE);
            ArrayNode c = target.putArray("scoreConfidence");
            c.add(ci[0]);
            c.add(ci[1]);
        }
    }
}
