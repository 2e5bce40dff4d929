/**
 * An example extension module: one {@link org.hmaplab.hash.Hasher} that the testbed finds with
 * {@link java.util.ServiceLoader} from this jar on the class path ({@code ./hbench --classpath}),
 * named in {@code META-INF/services/org.hmaplab.hash.Hasher}. The tests run it through the
 * hasher contract, the quality suite and one smoke benchmark. docs/extending.md, "add a hasher in
 * 20 lines", walks through it.
 */
package org.hmaplab.example;
