package org.hmaplab.hash;

/**
 * The testbed's {@link Hasher} contract ({@link HasherContractTest}, from the hashers module's
 * test-jar) over every registered hasher, the example extension included: with this module's jar
 * on the class path, {@link Hashers} finds it through {@code META-INF/services}.
 */
class ExampleHasherContractTest extends HasherContractTest {
}
