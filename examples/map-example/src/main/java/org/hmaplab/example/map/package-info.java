/**
 * An example extension module: one {@link org.hmaplab.baselines.MapExtension} (implementation
 * {@code example-linked}) that the testbed finds with {@link java.util.ServiceLoader} from this jar
 * on the class path, named in {@code META-INF/services/org.hmaplab.baselines.MapExtension}. The
 * tests run it through the map contract and the matrix. docs/extending.md, "add a map in 30
 * lines", walks through it.
 */
package org.hmaplab.example.map;
