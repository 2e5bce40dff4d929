package org.hmaplab.baselines;

/**
 * The testbed's adapter contract ({@link AdapterContractTest}, from the baselines module's
 * test-jar) over every registered implementation, the example extension included: with this
 * module's jar on the class path, {@link MapRegistry} finds it through {@code META-INF/services}.
 */
class ExampleMapContractTest extends AdapterContractTest {
}
