/**
 * Every map the benchmarks compare, behind three small adapter interfaces: long -> long
 * ({@link org.hmaplab.baselines.LongLongMapAdapter}), String -> long
 * ({@link org.hmaplab.baselines.StringLongMapAdapter}) and Object -> Object for the composite record
 * key ({@link org.hmaplab.baselines.ObjectObjectMapAdapter}). {@link org.hmaplab.baselines.MapRegistry}
 * names each implementation with the stable lower-case name of the CSV's {@code impl} column
 * ({@code go-fast64}, {@code go-swar}, ... for the Go models with their lookup style;
 * {@code fastutil}, {@code eclipse}, {@code agrona}, {@code jdk} for the peers) and builds it for a
 * key kind, a hasher and a size hint. One benchmark body measures them all; a contract test runs
 * every registered name through the same checks. Maps of other jars on the class path join the
 * registry as {@link org.hmaplab.baselines.MapExtension}s through {@link java.util.ServiceLoader}
 * ({@link org.hmaplab.baselines.JavaMaps} adapts any {@code java.util.Map}; the guide is
 * {@code docs/extending.md}).
 */
package org.hmaplab.baselines;
